// Blogs toolset: blog sites, their authors, categories and posts (blogs.json, 2021-07-28). Every
// blog endpoint has its own scope. Updating a post reads it first, so one field can change alone.
import { z } from "zod";
import {
  callGhl,
  cursorInput,
  defineTool,
  idInput,
  listTool,
  locationIdInput,
  openObject,
  requestTool,
  type HttpMapping,
  type ToolContext,
  type ToolDefinition,
} from "./framework.js";
import { offsetPager } from "./paging.js";
import { arrayField, field, pageOut, pick } from "./shape.js";
import { dateTimeInput, toUtcIso } from "./time.js";
import { GhlError } from "../ghl/errors.js";

const VERSION = "2021-07-28";
const toolset = "blogs";

const blogId = idInput("Blog");
const byOffset = offsetPager({ place: "query", offset: "offset", limit: "limit" });
const STATUSES = ["DRAFT", "PUBLISHED", "SCHEDULED", "ARCHIVED"] as const;

/** GHL answers with `_id`; the model gets `id` like everywhere else. */
function withId(record: unknown, keys: readonly string[]) {
  return pick({ ...(record as object), id: field(record, "_id") }, ["id", ...keys]);
}

const POST_FIELDS = [
  "title",
  "status",
  "urlSlug",
  "author",
  "categories",
  "publishedAt",
  "updatedAt",
  "canonicalLink",
] as const;
const shapePost = (post: unknown) => withId(post, POST_FIELDS);

const Named = z.looseObject({ id: z.string() });
const PostOut = z.looseObject({
  id: z.string(),
  title: z.string().optional(),
  status: z.string().optional(),
  urlSlug: z.string().optional(),
});

const checkSlug = requestTool({
  name: "blogs_check_slug",
  title: "Check blog URL slug",
  description: "Check post slug is free.",
  toolset,
  kind: "read",
  scopes: ["blogs/check-slug.readonly"],
  scope: "location",
  operation: "blogs/check-url-slug-exists",
  input: z.strictObject({
    urlSlug: z.string().describe("Slug"),
    postId: z.string().optional().describe("Post to ignore"),
    locationId: locationIdInput,
  }),
  output: z.object({ exists: z.boolean() }),
  http: {
    method: "GET",
    path: "/blogs/posts/url-slug-exists",
    version: VERSION,
    query: ["urlSlug", "postId", "locationId"],
  },
  shape: (body) => ({ exists: field(body, "exists") === true }),
});

const listBlogs = listTool({
  name: "blogs_list",
  title: "List blogs",
  description: "List blogs.",
  toolset,
  kind: "read",
  scopes: ["blogs/list.readonly"],
  scope: "location",
  operation: "blogs/get-blogs",
  input: z.strictObject({
    searchTerm: z.string().optional().describe("Name contains"),
    locationId: locationIdInput,
    cursor: cursorInput,
  }),
  output: pageOut("blogs", Named),
  http: {
    method: "GET",
    path: "/blogs/site/all",
    version: VERSION,
    query: ["locationId", "searchTerm"],
  },
  list: {
    items: (body) => arrayField(body, "data"),
    pager: offsetPager({ place: "query", offset: "skip", limit: "limit" }),
    defaultLimit: 20,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({
    blogs: items.map((blog) => withId(blog, ["name"])),
    nextCursor,
  }),
});

// Limitation: GHL 422s above about 20 authors per page (community-observed), so pages stay at 20;
// categories are held to the same size, inferred.
const listAuthors = listTool({
  name: "blogs_list_authors",
  title: "List blog authors",
  description: "List blog authors.",
  toolset,
  kind: "read",
  scopes: ["blogs/author.readonly"],
  scope: "location",
  operation: "blogs/get-all-blog-authors-by-location",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  output: pageOut("authors", Named),
  http: { method: "GET", path: "/blogs/authors", version: VERSION, query: ["locationId"] },
  list: {
    items: (body) => arrayField(body, "authors"),
    pager: byOffset,
    defaultLimit: 20,
    maxLimit: 20,
  },
  shape: ({ items, nextCursor }) => ({
    authors: items.map((author) => withId(author, ["name"])),
    nextCursor,
  }),
});

const listCategories = listTool({
  name: "blogs_list_categories",
  title: "List blog categories",
  description: "List blog categories.",
  toolset,
  kind: "read",
  scopes: ["blogs/category.readonly"],
  scope: "location",
  operation: "blogs/get-all-categories-by-location",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  output: pageOut("categories", Named),
  http: { method: "GET", path: "/blogs/categories", version: VERSION, query: ["locationId"] },
  list: {
    items: (body) => arrayField(body, "categories"),
    pager: byOffset,
    defaultLimit: 20,
    maxLimit: 20,
  },
  shape: ({ items, nextCursor }) => ({
    categories: items.map((category) => withId(category, ["label", "urlSlug"])),
    nextCursor,
  }),
});

/** GHL refuses more than 50 posts a page (community-observed). */
const POSTS_PER_PAGE = 50;

const listPosts = listTool({
  name: "blogs_list_posts",
  title: "List blog posts",
  description: "List blog posts (no HTML).",
  toolset,
  kind: "read",
  scopes: ["blogs/posts.readonly"],
  scope: "location",
  operation: "blogs/get-blog-post",
  input: z.strictObject({
    blogId,
    status: z.enum(STATUSES).optional().describe("Status"),
    searchTerm: z.string().optional().describe("Title contains"),
    locationId: locationIdInput,
    cursor: cursorInput,
  }),
  output: pageOut("posts", PostOut),
  http: {
    method: "GET",
    path: "/blogs/posts/all",
    version: VERSION,
    query: ["locationId", "blogId", "status", "searchTerm"],
  },
  list: {
    items: (body) => arrayField(body, "blogs"),
    pager: byOffset,
    defaultLimit: 20,
    maxLimit: POSTS_PER_PAGE,
  },
  shape: ({ items, nextCursor }) => ({ posts: items.map(shapePost), nextCursor }),
});

/** Post fields; the common ones are typed, the rest travel in `more`. */
const title = z
  .string()
  .refine((value) => value.trim() !== "", "must not be empty")
  .describe("Title");
const rawHTML = z.string().describe("HTML body");
const status = z.enum(STATUSES).describe("Status");
const rarelyUsed = {
  description: z.string().optional(),
  categories: z.array(z.string()).optional(),
  urlSlug: z.string().optional(),
  publishedAt: dateTimeInput().optional(),
  imageAltText: z.string().optional(),
  tags: z.array(z.string()).optional(),
  canonicalLink: z.string().optional(),
};

/** A summary from the body when none is given: its first 160 characters of text. */
function summaryOf(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length <= 160 ? text : `${text.slice(0, 159).trimEnd()}…`;
}

/** `Saturday HIIT: Back!` → `saturday-hiit-back`. */
function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const PostResult = z.object({ post: PostOut });

const createPost = requestTool({
  name: "blogs_create_post",
  title: "Create blog post",
  description: "Create blog post.",
  toolset,
  kind: "create",
  scopes: ["blogs/post.write"],
  scope: "location",
  operation: "blogs/create-blog-post",
  input: z.strictObject({
    locationId: locationIdInput,
    blogId,
    title,
    rawHTML,
    imageUrl: z.string().describe("Cover image URL"),
    author: idInput("Author", "Author id"),
    more: openObject({ status: status.exclude(["ARCHIVED"]).optional(), ...rarelyUsed }, [
      "status",
      "urlSlug",
    ]).optional(),
  }),
  output: PostResult,
  http: { method: "POST", path: "/blogs/posts", version: VERSION, body: "rest" },
  // GHL requires every field; those left out get what a person would likely have chosen.
  prepare: (args) => ({
    ...args.more,
    more: undefined,
    description: args.more?.description ?? summaryOf(args.rawHTML),
    categories: args.more?.categories ?? [],
    status: args.more?.status ?? "DRAFT",
    imageAltText: args.more?.imageAltText ?? args.title,
    urlSlug: args.more?.urlSlug ?? slugify(args.title),
    publishedAt: toUtcIso(args.more?.publishedAt ?? new Date().toISOString()),
  }),
  // The spec nests the post under `data`; some clients report `blogPost`.
  shape: (body) => ({ post: shapePost(field(body, "data") ?? field(body, "blogPost")) }),
  summary: ({ post }) => `Created ${post.status} post "${post.title}" (${post.id}).`,
});

const postsPage: HttpMapping = {
  method: "GET",
  path: "/blogs/posts/all",
  version: VERSION,
  query: ["locationId", "blogId", "limit", "offset"],
};
const putPost: HttpMapping = {
  method: "PUT",
  path: "/blogs/posts/{postId}",
  version: VERSION,
  body: "rest",
};

/** How many pages of a blog's posts an update searches for the post. */
const MAX_PAGES = 20;

/** What GHL's word counter would say of a body: the words of its text, tags removed. */
function wordCount(html: string): number {
  const text = html.replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/gi, " ");
  return text.split(/\s+/).filter((word) => /\w/.test(word)).length;
}

const updatePost = defineTool({
  name: "blogs_update_post",
  title: "Update blog post",
  description: "Update blog post.",
  toolset,
  kind: "update",
  scopes: ["blogs/post-update.write", "blogs/posts.readonly"],
  scope: "location",
  operation: "blogs/update-blog-post",
  input: z.strictObject({
    postId: idInput("Post"),
    blogId,
    locationId: locationIdInput,
    title: title.optional(),
    rawHTML: rawHTML.optional(),
    status: status.optional(),
    more: openObject(
      { imageUrl: z.string().optional(), author: z.string().optional(), ...rarelyUsed },
      ["imageUrl", "urlSlug"],
    ).optional(),
  }),
  output: PostResult,
  async run(args, ctx) {
    const { postId, blogId, locationId, rawHTML, more = {} } = args;
    const current = await findPost(updatePost, args, ctx);

    // GHL's PUT wants every field, so what the model did not give comes from the post as read.
    // The body is the exception: no read returns it, so it is sent only when it changes, and then
    // with wordCount, without which GHL keeps the old body (highlevel-api-docs #103, #334).
    const body = {
      locationId,
      blogId,
      title: args.title ?? current.title ?? "",
      description: more.description ?? current.description ?? "",
      status: args.status ?? current.status,
      imageUrl: more.imageUrl ?? current.imageUrl ?? "",
      imageAltText: more.imageAltText ?? current.imageAltText ?? "",
      author: more.author ?? current.author ?? "",
      categories: more.categories ?? current.categories ?? [],
      urlSlug: more.urlSlug ?? current.urlSlug ?? "",
      publishedAt: more.publishedAt ? toUtcIso(more.publishedAt) : current.publishedAt,
      tags: more.tags ?? current.tags,
      canonicalLink: more.canonicalLink ?? current.canonicalLink,
      ...(rawHTML !== undefined && { rawHTML, wordCount: wordCount(rawHTML) }),
    };
    const updated = await callGhl(updatePost, putPost, { postId, ...body }, ctx);
    return { post: shapePost(field(updated, "updatedBlogPost")) };
  },
  summary: ({ post }) => `Updated post "${post.title}" (${post.id}).`,
});

interface StoredPost {
  title?: string;
  description?: string;
  imageUrl?: string;
  imageAltText?: string;
  author?: string;
  categories?: string[];
  status?: (typeof STATUSES)[number];
  urlSlug?: string;
  publishedAt?: string;
  tags?: string[];
  canonicalLink?: string;
}

/** The post as GHL lists it, found by paging through its blog: GHL has no read of one post. */
async function findPost(
  tool: ToolDefinition,
  args: { postId: string; blogId: string; locationId: string },
  ctx: ToolContext,
): Promise<StoredPost> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = { ...args, limit: POSTS_PER_PAGE, offset: page * POSTS_PER_PAGE };
    const posts = arrayField(await callGhl(tool, postsPage, query, ctx), "blogs");
    const found = posts.find((post) => field(post, "_id") === args.postId);
    if (found) return found as StoredPost;
    if (posts.length < POSTS_PER_PAGE) break;
  }
  // Limitation: only the first MAX_PAGES × 50 posts of a blog are searched for the id.
  throw new GhlError({
    kind: "not_found",
    message: `postId: blog ${args.blogId} has no post ${args.postId}.`,
    hint: "Find the post with blogs_list_posts and pass its id with the blogId you listed.",
  });
}

export const blogTools: ToolDefinition[] = [
  listBlogs,
  listPosts,
  checkSlug,
  listAuthors,
  listCategories,
  createPost,
  updatePost,
] as ToolDefinition[];
