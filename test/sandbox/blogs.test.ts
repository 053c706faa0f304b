import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call } from "./http.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => Date.parse("2026-03-09T15:00:00Z") });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

function journal() {
  const blog = [...sandbox.store.blogs.values()].find(
    (b) => b.name === "Northside Strength Journal",
  );
  if (!blog) throw new Error("The seed has no Northside Strength Journal");
  return blog;
}

function seededPost(urlSlug: string) {
  const post = [...sandbox.store.blogPosts.values()].find((p) => p.urlSlug === urlSlug);
  if (!post) throw new Error(`The seed has no post ${urlSlug}`);
  return post;
}

/** Every field the spec requires, for a valid create or update. */
function fullBody(overrides: Record<string, unknown> = {}) {
  const [author] = [...sandbox.store.blogAuthors.values()];
  const [category] = [...sandbox.store.blogCategories.values()];
  return {
    title: "Deadlift Basics",
    locationId: sandbox.locationId,
    blogId: journal().id,
    imageUrl: "https://northsidestrength.com/images/deadlift.jpg",
    description: "Hinge, brace, pull.",
    rawHTML: "<p>Hinge at the hips.</p>",
    status: "DRAFT",
    imageAltText: "A barbell",
    categories: [category!.id],
    author: author!.id,
    urlSlug: "deadlift-basics",
    publishedAt: "2026-03-09T15:00:00.000Z",
    ...overrides,
  };
}

const loc = () => sandbox.locationId;

describe("blogs, authors and categories", () => {
  it("lists the location's blogs under data", async () => {
    const response = await call(
      sandbox,
      "GET",
      `/blogs/site/all?locationId=${loc()}&skip=0&limit=5`,
    );
    expect(response.body).toEqual({ data: [{ _id: journal().id, name: journal().name }] });
  });

  it("lists authors and categories a page at a time", async () => {
    const authors = await call(
      sandbox,
      "GET",
      `/blogs/authors?locationId=${loc()}&limit=2&offset=0`,
    );
    expect(authors.body.authors.map((a: { name: string }) => a.name)).toEqual([
      "Hannah Kim",
      "Marcus Reid",
    ]);
    const categories = await call(
      sandbox,
      "GET",
      `/blogs/categories?locationId=${loc()}&limit=10&offset=1`,
    );
    expect(categories.body.categories.map((c: { label: string }) => c.label)).toEqual([
      "Studio News",
      "Training",
    ]);
  });

  it("refuses more than 20 authors a page, as GHL is observed to", async () => {
    const response = await call(
      sandbox,
      "GET",
      `/blogs/authors?locationId=${loc()}&limit=21&offset=0`,
    );
    expect(response.status).toBe(422);
  });
});

describe("blog posts", () => {
  const posts = (query: string) =>
    call(sandbox, "GET", `/blogs/posts/all?locationId=${loc()}&blogId=${journal().id}&${query}`);

  it("lists a blog's posts without their HTML body", async () => {
    const response = await posts("limit=10&offset=0");
    expect(response.body.blogs).toHaveLength(4);
    for (const post of response.body.blogs) expect(post).not.toHaveProperty("rawHTML");
  });

  it("filters posts by status and by a term in the title", async () => {
    const drafts = await posts("limit=10&offset=0&status=DRAFT");
    expect(drafts.body.blogs.map((p: { title: string }) => p.title)).toEqual([
      "Spring Challenge: How It Works",
    ]);
    const hiit = await posts("limit=10&offset=0&searchTerm=hiit");
    expect(hiit.body.blogs.map((p: { urlSlug: string }) => p.urlSlug)).toEqual([
      "saturday-small-group-hiit",
    ]);
  });

  it("refuses more than 50 posts a page, as GHL is observed to", async () => {
    expect((await posts("limit=51&offset=0")).status).toBe(422);
  });

  it("refuses to list the posts of a blog the location does not have", async () => {
    const response = await call(
      sandbox,
      "GET",
      `/blogs/posts/all?locationId=${loc()}&blogId=nope&limit=10&offset=0`,
    );
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Blog with id nope not found");
  });

  it("tells whether a slug is taken, ignoring the post being renamed", async () => {
    const post = seededPost("mobility-drills-desk-workers");
    const check = (query: string) =>
      call(sandbox, "GET", `/blogs/posts/url-slug-exists?locationId=${loc()}&${query}`);
    expect((await check("urlSlug=mobility-drills-desk-workers")).body).toEqual({ exists: true });
    expect((await check("urlSlug=something-new")).body).toEqual({ exists: false });
    const own = await check(`urlSlug=mobility-drills-desk-workers&postId=${post.id}`);
    expect(own.body).toEqual({ exists: false });
  });

  it("creates a post from the twelve required fields", async () => {
    const created = await call(sandbox, "POST", "/blogs/posts", { body: fullBody() });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ title: "Deadlift Basics", status: "DRAFT" });
    expect(sandbox.store.blogPosts.get(created.body.data._id)?.rawHTML).toBe(
      "<p>Hinge at the hips.</p>",
    );
  });

  it("refuses a post missing required fields, naming each", async () => {
    const { imageUrl: _imageUrl, author: _author, ...partial } = fullBody();
    const response = await call(sandbox, "POST", "/blogs/posts", { body: partial });
    expect(response.status).toBe(422);
    expect(response.body.message.join(" ")).toMatch(/imageUrl.*author|author.*imageUrl/);
  });

  it("refuses a slug another post of the location already uses", async () => {
    const response = await call(sandbox, "POST", "/blogs/posts", {
      body: fullBody({ urlSlug: "Mobility-Drills-Desk-Workers" }),
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("URL slug Mobility-Drills-Desk-Workers already exists");
  });

  it("refuses an author the location does not have", async () => {
    const response = await call(sandbox, "POST", "/blogs/posts", {
      body: fullBody({ author: "ghost" }),
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Author with id ghost not found");
  });

  it("updates a post, keeping its own slug", async () => {
    const post = seededPost("mobility-drills-desk-workers");
    const response = await call(sandbox, "PUT", `/blogs/posts/${post.id}`, {
      body: fullBody({ title: "6 Mobility Drills", urlSlug: post.urlSlug, status: "PUBLISHED" }),
    });
    expect(response.status).toBe(200);
    expect(response.body.updatedBlogPost).toMatchObject({
      _id: post.id,
      title: "6 Mobility Drills",
    });
    expect(sandbox.store.blogPosts.get(post.id)?.updatedAt).toBe("2026-03-09T15:00:00.000Z");
  });

  it("keeps the old body when rawHTML comes without wordCount, as GHL does", async () => {
    const post = seededPost("mobility-drills-desk-workers");
    const before = post.rawHTML;
    await call(sandbox, "PUT", `/blogs/posts/${post.id}`, {
      body: fullBody({ urlSlug: post.urlSlug, rawHTML: "<p>New</p>" }),
    });
    expect(sandbox.store.blogPosts.get(post.id)?.rawHTML).toBe(before);
  });

  it("replaces the body when rawHTML comes with wordCount", async () => {
    const post = seededPost("mobility-drills-desk-workers");
    await call(sandbox, "PUT", `/blogs/posts/${post.id}`, {
      body: fullBody({ urlSlug: post.urlSlug, rawHTML: "<p>New body</p>", wordCount: 2 }),
    });
    expect(sandbox.store.blogPosts.get(post.id)?.rawHTML).toBe("<p>New body</p>");
  });

  it("takes an update without rawHTML and keeps the body", async () => {
    const post = seededPost("mobility-drills-desk-workers");
    const { rawHTML: _rawHTML, ...withoutBody } = fullBody({ urlSlug: post.urlSlug });
    const response = await call(sandbox, "PUT", `/blogs/posts/${post.id}`, { body: withoutBody });
    expect(response.status).toBe(200);
    expect(sandbox.store.blogPosts.get(post.id)?.rawHTML).toContain("hip flexor");
  });

  it("refuses an update missing the other required fields", async () => {
    const post = seededPost("mobility-drills-desk-workers");
    const response = await call(sandbox, "PUT", `/blogs/posts/${post.id}`, {
      body: { locationId: loc(), blogId: journal().id, title: "Only a title" },
    });
    expect(response.status).toBe(422);
  });

  it("needs the update scope, which writing new posts does not give", async () => {
    const post = seededPost("mobility-drills-desk-workers");
    const token = sandbox.mintToken({ kind: "location-pit", scopes: ["blogs/post.write"] });
    const response = await call(sandbox, "PUT", `/blogs/posts/${post.id}`, {
      token,
      body: fullBody({ urlSlug: post.urlSlug }),
    });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("The token is not authorized for this scope.");
  });
});
