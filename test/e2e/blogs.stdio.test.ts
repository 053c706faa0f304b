// Every Blogs tool over real stdio against the sandbox playing GoHighLevel: each call works,
// changes what it should in the sandbox, and any invalid input is refused before GHL sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { allTools } from "../../src/tools/index.js";
import { againstSandbox, connectStdio, textOf, type TestClient } from "../support/mcp-clients.js";

let sandbox: Sandbox;
let client: TestClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  client = await connectStdio("current (2026-07-28)", againstSandbox(sandbox));
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});

function call<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}) {
  return client.callOk<T>(name, args);
}

const journal = () => [...sandbox.store.blogs.values()][0]!;
const author = (name: string) =>
  [...sandbox.store.blogAuthors.values()].find((a) => a.name === name)!;
function seededPost(urlSlug: string) {
  const post = [...sandbox.store.blogPosts.values()].find((p) => p.urlSlug === urlSlug);
  if (!post) throw new Error(`The seed has no post ${urlSlug}`);
  return post;
}

type Post = { id: string; title: string; status: string; urlSlug: string };

describe("the Blogs toolset over stdio", () => {
  it("lists every blogs tool", async () => {
    const { tools } = await client.listTools();
    const expected = allTools.filter((t) => t.toolset === "blogs").map((t) => t.name);
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(expected));
  });

  it("finds the blog, its authors and its categories", async () => {
    const { blogs } = await call<{ blogs: { id: string; name: string }[] }>("blogs_list");
    expect(blogs).toEqual([{ id: journal().id, name: "Northside Strength Journal" }]);

    const { authors } = await call<{ authors: { name: string }[] }>("blogs_list_authors");
    expect(authors.map((a) => a.name)).toEqual(["Hannah Kim", "Marcus Reid", "Priya Shah"]);

    const { categories } = await call<{ categories: { label: string; urlSlug: string }[] }>(
      "blogs_list_categories",
    );
    expect(categories.length).toBeGreaterThanOrEqual(2);
  });

  it("pages a blog's posts and filters them by status", async () => {
    const seen: Post[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<{ posts: Post[]; nextCursor?: string }>("blogs_list_posts", {
        blogId: journal().id,
        ...(cursor && { cursor }),
      });
      seen.push(...page.posts);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((p) => p.id).sort()).toEqual([...sandbox.store.blogPosts.keys()].sort());

    const drafts = await call<{ posts: Post[] }>("blogs_list_posts", {
      blogId: journal().id,
      status: "DRAFT",
    });
    expect(drafts.posts.map((p) => p.title)).toEqual(["Spring Challenge: How It Works"]);
  });

  it("checks whether a URL slug is taken", async () => {
    const taken = await call<{ exists: boolean }>("blogs_check_slug", {
      urlSlug: "mobility-drills-desk-workers",
    });
    expect(taken.exists).toBe(true);
    const free = await call<{ exists: boolean }>("blogs_check_slug", { urlSlug: "kettlebells" });
    expect(free.exists).toBe(false);
  });

  it("creates a draft from the essentials, filling in what GHL requires", async () => {
    const { post } = await call<{ post: Post }>("blogs_create_post", {
      blogId: journal().id,
      title: "Kettlebell Swings: A Primer",
      rawHTML: "<h2>Swing</h2><p>Hips, not arms.</p>",
      imageUrl: "https://northsidestrength.com/images/kettlebell.jpg",
      author: author("Priya Shah").id,
    });
    expect(sandbox.store.blogPosts.get(post.id)).toMatchObject({
      status: "DRAFT",
      urlSlug: "kettlebell-swings-a-primer",
      description: "Swing Hips, not arms.",
      imageAltText: "Kettlebell Swings: A Primer",
      categories: [],
      rawHTML: "<h2>Swing</h2><p>Hips, not arms.</p>",
    });
  });

  it("reports GHL's refusal of a slug already in use", async () => {
    const result = await client.callTool("blogs_create_post", {
      blogId: journal().id,
      title: "Mobility again",
      rawHTML: "<p>x</p>",
      imageUrl: "https://northsidestrength.com/images/x.jpg",
      author: author("Priya Shah").id,
      more: { urlSlug: "mobility-drills-desk-workers" },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("URL slug mobility-drills-desk-workers already exists");
  });

  it("changes only a post's title, keeping its body and every other field", async () => {
    const before = structuredClone(seededPost("what-to-eat-before-early-session"));
    const { post } = await call<{ post: Post }>("blogs_update_post", {
      postId: before.id,
      blogId: before.blogId,
      title: "What to Eat Before a 6am Session",
    });
    expect(post.title).toBe("What to Eat Before a 6am Session");
    const { title: _title, updatedAt: _updatedAt, ...unchanged } = before;
    expect(sandbox.store.blogPosts.get(before.id)).toMatchObject(unchanged);
  });

  it("replaces a post's body, sending GHL the word count it needs to do so", async () => {
    const post = seededPost("mobility-drills-desk-workers");
    await call("blogs_update_post", {
      postId: post.id,
      blogId: post.blogId,
      rawHTML: "<p>Seven drills, three minutes each.</p>",
      status: "ARCHIVED",
    });
    expect(sandbox.store.blogPosts.get(post.id)).toMatchObject({
      rawHTML: "<p>Seven drills, three minutes each.</p>",
      wordCount: 5,
      status: "ARCHIVED",
    });
  });

  it("says a post is not in the blog without changing anything", async () => {
    const before = sandbox.requests.length;
    const result = await client.callTool("blogs_update_post", {
      postId: "nope",
      blogId: journal().id,
      title: "x",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("postId:");
    expect(sandbox.requests.slice(before).every((r) => r.method === "GET")).toBe(true);
  });

  it("refuses a publish time without an offset, sending nothing", async () => {
    const before = sandbox.requests.length;
    const post = seededPost("spring-challenge-how-it-works");
    const result = await client.callTool("blogs_update_post", {
      postId: post.id,
      blogId: post.blogId,
      more: { publishedAt: "2026-04-01 09:00" },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("more.publishedAt");
    expect(sandbox.requests.length).toBe(before);
  });

  it.each(allTools.filter((t) => t.toolset === "blogs").map((t) => t.name))(
    "refuses invalid input to %s with an isError naming the field, sending nothing",
    async (name) => {
      const before = sandbox.requests.length;
      const result = await client.callTool(name, { notAnArgument: 1 });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/notAnArgument/);
      expect(sandbox.requests.length).toBe(before);
    },
  );
});
