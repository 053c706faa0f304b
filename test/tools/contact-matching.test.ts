import { describe as group, expect, it } from "vitest";
import {
  describe,
  differences,
  normalizePhone,
  rank,
  searchTerms,
  type Candidate,
} from "../../src/tools/contact-matching.js";

const janeCooper: Candidate = {
  id: "c1",
  name: "Jane Cooper",
  email: "jane.cooper@acmelogistics.com",
  phone: "+15550102233",
  companyName: "Acme Logistics",
  tags: ["client"],
};
const janeDoe: Candidate = {
  id: "c2",
  name: "Jane Doe",
  email: "janedoe@gmail.com",
  phone: "+15550109876",
  tags: ["lead"],
};
const janet: Candidate = { id: "c3", name: "Janet Park", email: "janet@park.io" };

group("describing a contact", () => {
  it("reads a phone number in any common format as E.164", () => {
    for (const text of ["(555) 010-2233", "555.010.2233", "+1 555 010 2233", "5550102233"]) {
      expect(describe(text).phone).toBe("+15550102233");
    }
  });

  it("reads an email as an email", () => {
    expect(describe("Jane.Cooper@AcmeLogistics.com").email).toBe("jane.cooper@acmelogistics.com");
  });

  it("separates the name from the company in 'the Jane from Acme'", () => {
    const description = describe("the Jane from Acme");
    expect(description.nameWords).toEqual(["jane"]);
    expect(description.companyWords).toEqual(["acme"]);
  });

  it("drops a possessive, as in Jane's", () => {
    expect(describe("Jane's").nameWords).toEqual(["jane"]);
  });

  it("takes an id-shaped word as a possible id", () => {
    expect(describe("x7Hq2LmP9sTv4WcE1bNa").id).toBe("x7Hq2LmP9sTv4WcE1bNa");
  });

  it("does not take a short number for a phone", () => {
    expect(normalizePhone("0102")).toBeUndefined();
  });
});

group("ranking candidates", () => {
  it("puts the Jane from Acme first and leaves no doubt", () => {
    const [first, second] = rank(describe("the Jane from Acme"), [janeDoe, janeCooper, janet]);
    expect(first?.contact.id).toBe("c1");
    expect(first!.score - (second?.score ?? 0)).toBeGreaterThan(10);
  });

  it("ranks both Janes equally on a first name alone, ahead of a Janet", () => {
    const ranked = rank(describe("Jane"), [janet, janeDoe, janeCooper]);
    expect(ranked.slice(0, 2).map((r) => r.score)).toEqual([30, 30]);
    expect(ranked[2]?.contact.id).toBe("c3");
  });

  it("matches a formatted phone exactly", () => {
    const [first] = rank(describe("(555) 010-9876"), [janeCooper, janeDoe]);
    expect(first?.contact.id).toBe("c2");
    expect(first?.matchedOn).toEqual(["phone"]);
  });

  it("drops candidates that match nothing", () => {
    expect(rank(describe("Zelda"), [janeCooper, janeDoe])).toEqual([]);
  });

  it("counts a candidate returned by two searches once", () => {
    expect(rank(describe("Jane Cooper"), [janeCooper, janeCooper])).toHaveLength(1);
  });
});

group("telling matches apart", () => {
  it("names the fields whose values differ", () => {
    expect(differences([janeCooper, janeDoe])).toEqual(["companyName", "email", "phone", "tags"]);
  });

  it("searches GHL for the longest words first", () => {
    expect(searchTerms(describe("Jane from Acme Logistics"))).toEqual([
      "logistics",
      "jane",
      "acme",
    ]);
  });
});
