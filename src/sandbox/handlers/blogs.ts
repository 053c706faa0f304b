// Every operation of spec/apps/blogs.json against the store: blog sites, authors, categories and
// posts, with URL slugs unique in a location and the platform's quirks around a post's body.
import { badRequest, unprocessable } from "../errors.js";
import type { BlogPostRecord, BlogPostStatus, SandboxStore } from "../store.js";
import { isoUtc } from "../time.js";
import type { HandlerResult, HandlerSet } from "./registry.js";

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

/** The fields of CreateBlogPostParams / UpdateBlogPostParams, after spec validation. */
interface PostInput {
  title: string;
  locationId: string;
  blogId: string;
  imageUrl: string;
  description: string;
  rawHTML?: string;
  wordCount?: number;
  status: BlogPostStatus;
  imageAltText: string;
  categories: string[];
  tags?: string[];
  author: string;
  urlSlug: string;
  canonicalLink?: string;
  publishedAt: string;
}

export const blogHandlers: HandlerSet = {
  "blogs/check-url-slug-exists": ({ query, store }) => {
    const taken = slugOwner(store, String(query.locationId), String(query.urlSlug));
    return ok({ exists: taken !== undefined && taken.id !== query.postId });
  },

  "blogs/get-all-blog-authors-by-location": ({ query, store }) => {
    const { offset, limit } = window(query, "offset");
    const authors = [...store.blogAuthors.values()]
      .filter((author) => author.locationId === query.locationId)
      .sort((a, b) => a.name.localeCompare(b.name));
    return ok({
      authors: authors
        .slice(offset, offset + limit)
        .map(({ id, ...rest }) => ({ _id: id, ...rest })),
    });
  },

  "blogs/get-all-categories-by-location": ({ query, store }) => {
    const { offset, limit } = window(query, "offset");
    const categories = [...store.blogCategories.values()]
      .filter((category) => category.locationId === query.locationId)
      .sort((a, b) => a.label.localeCompare(b.label));
    return ok({
      categories: categories
        .slice(offset, offset + limit)
        .map(({ id, ...rest }) => ({ _id: id, ...rest })),
    });
  },

  "blogs/get-blogs": ({ query, store }) => {
    const { offset, limit } = window(query, "skip");
    const term = typeof query.searchTerm === "string" ? query.searchTerm.toLowerCase() : "";
    const blogs = [...store.blogs.values()]
      .filter((blog) => blog.locationId === query.locationId)
      .filter((blog) => blog.name.toLowerCase().includes(term))
      .sort((a, b) => a.name.localeCompare(b.name));
    return ok({
      data: blogs.slice(offset, offset + limit).map(({ id, name }) => ({ _id: id, name })),
    });
  },

  "blogs/get-blog-post": ({ query, store }) => {
    const { offset, limit } = window(query, "offset");
    const blogId = String(query.blogId);
    requireBlog(store, String(query.locationId), blogId);
    const term = typeof query.searchTerm === "string" ? query.searchTerm.toLowerCase() : "";
    const posts = [...store.blogPosts.values()]
      .filter((post) => post.blogId === blogId)
      .filter((post) => query.status === undefined || post.status === query.status)
      .filter((post) => post.title.toLowerCase().includes(term))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
    return ok({ blogs: posts.slice(offset, offset + limit).map(postView) });
  },

  "blogs/create-blog-post": ({ body, store, now }) => {
    const input = body as unknown as PostInput;
    checkReferences(store, input);
    const stamp = isoUtc(now());
    const post = store.insert(store.blogPosts, {
      locationId: input.locationId,
      blogId: input.blogId,
      title: input.title,
      description: input.description,
      rawHTML: input.rawHTML ?? "",
      imageUrl: input.imageUrl,
      imageAltText: input.imageAltText,
      status: input.status,
      categories: input.categories,
      tags: input.tags ?? [],
      author: input.author,
      urlSlug: input.urlSlug,
      canonicalLink: input.canonicalLink ?? canonicalLink(store, input.locationId, input.urlSlug),
      publishedAt: input.publishedAt,
      createdAt: stamp,
      updatedAt: stamp,
    });
    // The spec says 200; a live create answered 201 (highlevel-api-docs #334). Clients take any 2xx.
    return ok({ data: postView(post) }, 201);
  },

  "blogs/update-blog-post": ({ params, body, store, now }) => {
    const post = store.blogPosts.get(params.postId as string);
    const input = body as unknown as PostInput;
    if (!post || post.locationId !== input.locationId) {
      throw badRequest(`Blog post with id ${params.postId} not found`);
    }
    checkReferences(store, input, post.id);

    Object.assign(post, {
      blogId: input.blogId,
      title: input.title,
      description: input.description,
      imageUrl: input.imageUrl,
      imageAltText: input.imageAltText,
      status: input.status,
      categories: input.categories,
      tags: input.tags ?? post.tags,
      author: input.author,
      urlSlug: input.urlSlug,
      canonicalLink: input.canonicalLink ?? post.canonicalLink,
      publishedAt: input.publishedAt,
      updatedAt: isoUtc(now()),
    });
    // GHL keeps the old body unless wordCount comes with the new one (highlevel-api-docs #103,
    // maintainer's answer; reproduced again in #334), and keeps it when rawHTML is left out.
    if (input.rawHTML !== undefined && input.wordCount !== undefined) {
      post.rawHTML = input.rawHTML;
      post.wordCount = input.wordCount;
    }
    return ok({ updatedBlogPost: postView(post) });
  },
};

/** Authors, categories and the blog must exist in the location; the slug must be free there. */
function checkReferences(store: SandboxStore, input: PostInput, postId?: string): void {
  requireBlog(store, input.locationId, input.blogId);
  const author = store.blogAuthors.get(input.author);
  if (author?.locationId !== input.locationId) {
    throw badRequest(`Author with id ${input.author} not found`);
  }
  for (const categoryId of input.categories) {
    if (store.blogCategories.get(categoryId)?.locationId !== input.locationId) {
      throw badRequest(`Category with id ${categoryId} not found`);
    }
  }
  const owner = slugOwner(store, input.locationId, input.urlSlug);
  if (owner && owner.id !== postId) throw badRequest(`URL slug ${input.urlSlug} already exists`);
}

/**
 * Inferred, the stricter reading: an unknown blog is refused rather than read as an empty one.
 * An unknown id is a 400 "... not found", as GHL answers for other records (PLATFORM.md §4.1).
 */
function requireBlog(store: SandboxStore, locationId: string, blogId: string): void {
  if (store.blogs.get(blogId)?.locationId !== locationId) {
    throw badRequest(`Blog with id ${blogId} not found`);
  }
}

/** Slugs are unique in a location (the check endpoint takes no blog), compared without case. */
function slugOwner(store: SandboxStore, locationId: string, slug: string) {
  const wanted = slug.toLowerCase();
  return [...store.blogPosts.values()].find(
    (post) => post.locationId === locationId && post.urlSlug.toLowerCase() === wanted,
  );
}

function canonicalLink(store: SandboxStore, locationId: string, slug: string): string {
  const site = store.locations.get(locationId)?.website ?? "";
  return `${site}/post/${slug}`;
}

/** `offset`/`limit` (or `skip`/`limit`) are required numbers; the platform wants them sane. */
function window(
  query: Record<string, unknown>,
  offsetName: "offset" | "skip",
): { offset: number; limit: number } {
  const offset = Number(query[offsetName]);
  const limit = Number(query.limit);
  const messages = [
    ...(Number.isInteger(offset) && offset >= 0 ? [] : [`${offsetName} must not be less than 0`]),
    ...(Number.isInteger(limit) && limit >= 1 ? [] : ["limit must not be less than 1"]),
  ];
  if (messages.length > 0) throw unprocessable(messages);
  return { offset, limit };
}

/**
 * BlogPostResponseDTO. The body is never returned: neither the list nor any other read carries
 * rawHTML (community clients keep their own copy of it for that reason).
 */
function postView(post: BlogPostRecord) {
  return {
    _id: post.id,
    title: post.title,
    description: post.description,
    imageUrl: post.imageUrl,
    imageAltText: post.imageAltText,
    status: post.status,
    archived: post.status === "ARCHIVED",
    urlSlug: post.urlSlug,
    canonicalLink: post.canonicalLink,
    author: post.author,
    categories: post.categories,
    tags: post.tags,
    publishedAt: post.publishedAt,
    updatedAt: post.updatedAt,
  };
}
