/**
 * The baseline: jsforce 3 used as a Node developer would: describeGlobal, then every describe at
 * once (Promise.all), leaving concurrency to jsforce and its HTTP stack.
 */
import jsforce from "jsforce";

export async function readWithJsforce(
  instanceUrl: string,
  accessToken: string,
): Promise<{ objects: number; fields: number }> {
  const connection = new jsforce.Connection({ instanceUrl, accessToken, version: "62.0" });
  const global = await connection.describeGlobal();
  const describes = await Promise.all(
    global.sobjects.map((sobject) => connection.describe(sobject.name)),
  );
  return {
    objects: describes.length,
    fields: describes.reduce((sum, describe) => sum + describe.fields.length, 0),
  };
}
