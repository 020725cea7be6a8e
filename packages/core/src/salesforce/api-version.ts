/** The Salesforce REST API version the product speaks. */
export const API_VERSION = "62.0";
