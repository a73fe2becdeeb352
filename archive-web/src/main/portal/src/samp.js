// SAMP 1.3's Web Profile, as much of it as sending a table to TOPCAT (or any other SAMP client) takes: the hub
// answers XML-RPC over HTTP POST at http://localhost:21012/; a web page registers (samp.webhub.register, which
// the hub may first ask its user to allow), says who it is (declareMetadata), sends table.load.votable to every
// client that takes it (notifyAll) and unregisters. XML-RPC is written and read here (a few value types: SAMP
// has strings, lists and maps only), not with a library: the encoding and decoding are tested with node --test.
// The hub's answers are read as data: a small tokenizer that takes elements and text, and refuses anything else
// (no DOCTYPE, no entities but XML's five and character references).

/** Where a SAMP Web Profile hub listens (SAMP 1.3 section 5.2.1). */
export const HUB_URL = "http://localhost:21012/";

/** A fault the hub answered with (a refused registration, an unknown client), in its words. */
export class SampFault extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text as XML character data. */
export function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * A SAMP value as an XML-RPC <value>: strings as <string>, lists as <array>, maps as <struct>. SAMP's scalars are
 * all strings (SAMP 1.3 section 3.3): a number or a boolean is written as its text.
 */
export function encodeValue(value) {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return `<value><string>${escapeXml(value)}</string></value>`;
  }
  if (Array.isArray(value)) {
    return `<value><array><data>${value.map(encodeValue).join("")}</data></array></value>`;
  }
  if (value && typeof value === "object") {
    const members = Object.entries(value)
      .map(([name, v]) => `<member><name>${escapeXml(name)}</name>${encodeValue(v)}</member>`);
    return `<value><struct>${members.join("")}</struct></value>`;
  }
  throw new TypeError(`SAMP has no value like ${value}`);
}

/** An XML-RPC methodCall document. */
export function methodCall(method, params) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<methodCall><methodName>${escapeXml(method)}</methodName>`
    + `<params>${params.map((p) => `<param>${encodeValue(p)}</param>`).join("")}</params></methodCall>\n`;
}

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeText(raw) {
  if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) {
    throw new SyntaxError("the hub's answer has an entity XML-RPC does not use");
  }
  return raw.replace(ENTITY, (m, name, dec, hex) => (name ? NAMED[name]
    : String.fromCodePoint(parseInt(dec || hex, dec ? 10 : 16))));
}

/** The elements and text of an XML document: [{open: name} | {close: name} | {text}]. */
function tokens(xml) {
  const out = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m) {
      throw new SyntaxError(`the hub's answer is not XML-RPC (at character ${at})`);
    }
    if (m[1] !== undefined) {
      out.push({ text: m[1] });
    } else if (m[3]) {
      if (m[2]) {
        out.push({ close: m[3] });
      } else {
        out.push({ open: m[3] });
        if (m[5]) {
          out.push({ close: m[3] });
        }
      }
    } else if (m[6] !== undefined) {
      out.push({ text: decodeText(m[6]) });
    }
  }
  return out;
}

/** Reads the value tree of the tokens, element by element. */
class Reader {
  constructor(list) {
    this.list = list;
    this.i = 0;
  }

  /** The next token that is not white space between elements. */
  peek() {
    while (this.i < this.list.length && this.list[this.i].text !== undefined && !this.list[this.i].text.trim()) {
      this.i += 1;
    }
    return this.list[this.i];
  }

  open(name) {
    const t = this.peek();
    if (!t || t.open !== name) {
      throw new SyntaxError(`the hub's answer has ${describe(t)} where <${name}> belongs`);
    }
    this.i += 1;
  }

  close(name) {
    const t = this.peek();
    if (!t || t.close !== name) {
      throw new SyntaxError(`the hub's answer has ${describe(t)} where </${name}> belongs`);
    }
    this.i += 1;
  }

  /** The text up to the end tag of name (all of it, white space too), the end tag read. */
  textUntil(name) {
    let text = "";
    while (this.i < this.list.length && this.list[this.i].text !== undefined) {
      text += this.list[this.i].text;
      this.i += 1;
    }
    this.close(name);
    return text;
  }

  value() {
    this.open("value");
    // an untyped value is a string: <value>text</value>, white space and all
    const first = this.list[this.i];
    if (first && (first.close === "value" || (first.text !== undefined && this.startsTextValue()))) {
      return this.textUntil("value");
    }
    const t = this.peek();
    let result;
    switch (t && t.open) {
      case "string":
        this.i += 1;
        result = this.textUntil("string");
        break;
      case "i4":
      case "int":
      case "double":
        this.i += 1;
        result = Number(this.textUntil(t.open).trim());
        break;
      case "boolean":
        this.i += 1;
        result = this.textUntil("boolean").trim() === "1";
        break;
      case "array":
        this.i += 1;
        this.open("data");
        result = [];
        while (this.peek() && this.peek().open === "value") {
          result.push(this.value());
        }
        this.close("data");
        this.close("array");
        break;
      case "struct":
        this.i += 1;
        result = {};
        while (this.peek() && this.peek().open === "member") {
          this.i += 1;
          this.open("name");
          const name = this.textUntil("name");
          result[name] = this.value();
          this.close("member");
        }
        this.close("struct");
        break;
      default:
        throw new SyntaxError(`the hub's answer has ${describe(t)} where a value belongs`);
    }
    this.close("value");
    return result;
  }

  /** Whether the text after <value> is the value itself (no element follows before </value>). */
  startsTextValue() {
    let j = this.i;
    while (j < this.list.length && this.list[j].text !== undefined) {
      j += 1;
    }
    return this.list[j] && this.list[j].close === "value";
  }
}

function describe(token) {
  return !token ? "its end" : token.open ? `<${token.open}>` : token.close ? `</${token.close}>` : "text";
}

/** The result of an XML-RPC methodResponse; a fault is thrown as a SampFault. */
export function parseResponse(xml) {
  const reader = new Reader(tokens(xml));
  reader.open("methodResponse");
  if (reader.peek() && reader.peek().open === "fault") {
    reader.open("fault");
    const fault = reader.value();
    throw new SampFault(fault && typeof fault.faultString === "string" ? fault.faultString : "the hub refused",
      fault ? fault.faultCode : undefined);
  }
  reader.open("params");
  let result = "";
  if (reader.peek() && reader.peek().open === "param") { // a method with no result may answer no param
    reader.open("param");
    result = reader.value();
    reader.close("param");
  }
  reader.close("params");
  reader.close("methodResponse");
  if (reader.peek()) {
    throw new SyntaxError("the hub's answer goes on after its end");
  }
  return result;
}

/** A SAMP Web Profile hub, called with fetch. */
export class SampHub {
  constructor(url = HUB_URL) {
    this.url = url;
  }

  /** Calls a samp.webhub method; resolves to its result. */
  async call(method, params, signal) {
    const response = await fetch(this.url, { method: "POST", body: methodCall(`samp.webhub.${method}`, params),
      headers: { "Content-Type": "text/xml" }, signal, credentials: "omit", cache: "no-store" });
    if (!response.ok) {
      throw new SampFault(`the hub answered HTTP ${response.status}`);
    }
    return parseResponse(await response.text());
  }

  /** Whether a hub answers within the time given (ms). */
  async answers(ms) {
    try {
      await this.call("ping", [], AbortSignal.timeout(ms));
      return true;
    } catch (e) {
      return false;
    }
  }

  /**
   * Sends a VOTable at an address to every client that loads tables: registers as appName (the hub may ask its
   * user first: hence no deadline), sends table.load.votable and unregisters. Resolves to the ids of the clients
   * it went to (none: the hub has no client that loads VOTables).
   */
  async sendVOTable({ appName, description, url, tableId, name }) {
    const registration = await this.call("register", [{ "samp.name": appName }]);
    const key = registration["samp.private-key"];
    if (typeof key !== "string") {
      throw new SampFault("the hub gave no private key");
    }
    try {
      await this.call("declareMetadata", [key, { "samp.name": appName, "samp.description.text": description }]);
      const recipients = await this.call("notifyAll", [key, {
        "samp.mtype": "table.load.votable",
        "samp.params": { url, "table-id": tableId, name },
      }]);
      return Array.isArray(recipients) ? recipients : [];
    } finally {
      await this.call("unregister", [key]).catch(() => {}); // the hub forgets a silent client by itself
    }
  }
}
