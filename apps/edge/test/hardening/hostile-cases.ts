// The hostile inputs the hostile-input suite sends; plain data so the counts are easy to audit.

/** Bodies that are not a valid JSON object, sent with `content-type: application/json`. */
export const MALFORMED_JSON: Record<string, string> = {
  "unclosed object": "{",
  "truncated value": '{"name":',
  "single quotes": "{'name':'x'}",
  "trailing comma": '{"name":"x",}',
  "extra brace": '{"name":"x"}}',
  "bare word": "NaN",
  "nul byte": "\u0000",
  "byte order mark then garbage": "\ufeff{x}",
  comment: '/* hi */ {"name":"x"}',
};

/** JSON that parses but is not an object. */
export const NOT_AN_OBJECT: Record<string, string> = {
  null: "null",
  number: "42",
  string: '"text"',
  "empty array": "[]",
  boolean: "true",
  "array of objects": '[{"name":"x"}]',
  "20,000 nested arrays": `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
};

/** Bodies that are not JSON at all: the contract's 415. */
export const NOT_JSON: Record<string, { type: string | null; body: string }> = {
  "text/plain": { type: "text/plain", body: '{"name":"x"}' },
  form: { type: "application/x-www-form-urlencoded", body: "name=x" },
  multipart: {
    type: "multipart/form-data; boundary=b",
    body: '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--b--',
  },
  xml: { type: "application/xml", body: "<name>x</name>" },
  "no content type": { type: null, body: '{"name":"x"}' },
};

/** Values of the wrong JSON type for a field of `type`. */
export function wrongTypes(type: string): Record<string, unknown> {
  const all: Record<string, unknown> = {
    number: 42,
    boolean: true,
    null: null,
    array: ["x"],
    object: { $ne: "" },
    string: "true",
  };
  delete all[type];
  return all;
}

/** Strings no name, email, URL or path field may accept (stored nowhere). */
export const INVALID_STRINGS: Record<string, string> = {
  "nul byte": "a\u0000b",
  "terminal escape": "\u001b[31mred\u001b[0m",
  "bell and backspace": "x\u0007\u0008",
  "lone surrogate": "x\ud800y",
  "right-to-left override": "abc\u202egpj.exe",
  "line separator": "a\u2028b",
  "10,000 characters": "a".repeat(10_000),
  "path with nul": "/services\u0000x",
  "path with bidi override": "/services/\u202eabc",
};

/** SQL-looking strings: stored and shown literally where a name is free text, else refused. */
export const SQL_STRINGS: Record<string, string> = {
  "drop table": "x'); DROP TABLE users; --",
  "or true": "' OR '1'='1",
  "union select": '" UNION SELECT key_hash FROM api_keys --',
  "like wildcards": "%_%",
};

/** Path parameter values, already URL-encoded as they would appear on the wire. */
export const HOSTILE_PARAMS: Record<string, string> = {
  "sql or true": encodeURIComponent("' OR '1'='1"),
  "sql comment": encodeURIComponent("x'--"),
  "encoded nul": "%00",
  "bad percent encoding": "%E0%A4%A",
  "bare percent": "%",
  "encoded slash traversal": "..%2F..%2Fapi-keys",
  "right-to-left override": "%E2%80%AE",
  emoji: "%F0%9F%92%A9",
  "lone surrogate (CESU)": "%ED%A0%80",
  "300 characters": "a".repeat(300),
  "unknown uuid": crypto.randomUUID(),
};

/** Authorization and cookie headers that must never authenticate. */
export const BAD_CREDENTIALS: Record<string, Record<string, string>> = {
  "no credentials": {},
  "unknown api key": { authorization: "Bearer sfp_notarealkeynotarealkeynotarealkey" },
  "basic auth": { authorization: "Basic YWRtaW46YWRtaW4=" },
  "bearer without key": { authorization: "Bearer" },
  "bearer with two words": { authorization: "Bearer a b" },
  "forged session cookie": { cookie: "portal.session_token=forged.signature" },
  "sql in api key": { authorization: "Bearer ' OR '1'='1" },
};
