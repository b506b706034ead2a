import type { Exchange } from './types';

/** How much of each body (and URL) the text filter reads. */
export const SEARCHED_FIELD_CHARS = 4096;

/**
 * Cap of a flow's precomputed search text (UTF-16 units, so 64 KiB at most per flow). A flow whose copied
 * fields do not fit keeps no text and is searched hop by hop instead, so results do not depend on the cap.
 */
export const SEARCH_TEXT_MAX_CHARS = 32 * 1024;

/**
 * A field at least this long that folding leaves as it is (a body without capitals, most JSON) is searched
 * itself: a copy in the search text would hold the body twice once the text is flattened by a search.
 */
const AS_IS_MIN_CHARS = 256;
const NONE: readonly string[] = Object.freeze([]);

/** Between the fields of a search text: a needle without it cannot match across two fields. */
const SEPARATOR = '\u0000';

const NON_ASCII = /[\u0080-\uffff]/;
let foldTable: Uint16Array | undefined;

/**
 * Each UTF-16 unit's key under the case-insensitive (non-unicode) RegExp's `Canonicalize`, with A–Z mapped
 * to a–z (a lowercase ASCII letter is nobody's canonical form, so keys stay distinct): two units match
 * each other under the `i` flag exactly when their keys are equal.
 */
function table(): Uint16Array {
  if (foldTable) return foldTable;
  foldTable = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const upper = String.fromCharCode(unit).toUpperCase();
    const upperUnit = upper.charCodeAt(0);
    const canonical = upper.length !== 1 || (unit >= 128 && upperUnit < 128) ? unit : upperUnit;
    foldTable[unit] = canonical >= 0x41 && canonical <= 0x5a ? canonical + 0x20 : canonical;
  }
  return foldTable;
}

/** `text` with every unit replaced by its key: `fold(a).includes(fold(b))` iff `/b/i` matches in `a`. */
export function foldCase(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const keys = table();
  let folded = '';
  const chunk: number[] = [];
  for (let index = 0; index < text.length; index++) {
    chunk.push(keys[text.charCodeAt(index)]!);
    if (chunk.length === 8192) {
      folded += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return folded + String.fromCharCode(...chunk);
}

/** The start of a field, as far as the text filter reads it. */
export function searchedPart(field: string): string {
  return field.length > SEARCHED_FIELD_CHARS ? field.slice(0, SEARCHED_FIELD_CHARS) : field;
}

function hopFields(hop: Exchange): string[] {
  const fields = [searchedPart(hop.url)];
  if (hop.request.body !== undefined) fields.push(searchedPart(hop.request.body));
  if (hop.response?.body !== undefined) fields.push(searchedPart(hop.response.body));
  return fields;
}

/**
 * A flow's searched fields (its id, and each hop's URL and body starts) case-folded into one flat string,
 * but for the long ones folding leaves as they are, kept up to date as hops come and go, on the flow itself
 * (a query reads one string per flow and its few long fields). Fields repeated across hops (a body forwarded
 * unchanged) are held once.
 */
export interface Searchable {
  /** Searched field → how many hops carry it (the flow id counts once, for good). */
  readonly searchFields: Map<string, number>;
  /** Folded fields joined by the separator; undefined past `SEARCH_TEXT_MAX_CHARS` (search the hops). */
  searchText: string | undefined;
  /** The long fields already folded, not copied into `searchText`: searched themselves. */
  searchedAsIs: readonly string[];
}

/** Whether `field` is searched itself rather than copied, folded, into the search text. */
const searchedAsIs = (field: string, folded: string) => field.length >= AS_IS_MIN_CHARS && folded === field;

export function searchable(flowId: string): Searchable {
  const target: Searchable = { searchFields: new Map(), searchText: '', searchedAsIs: NONE };
  addField(target, searchedPart(flowId));
  return target;
}

export function addSearchHop(target: Searchable, hop: Exchange): void {
  for (const field of hopFields(hop)) addField(target, field);
}

/** A body that came after its hop was added (the answer of a pending exchange). */
export function addSearchBody(target: Searchable, body: string | undefined): void {
  if (body !== undefined) addField(target, searchedPart(body));
}

export function removeSearchHop(target: Searchable, hop: Exchange): void {
  let dropped = false;
  for (const field of hopFields(hop)) {
    const count = target.searchFields.get(field) ?? 0;
    if (count > 1) target.searchFields.set(field, count - 1);
    else {
      target.searchFields.delete(field);
      dropped = true;
    }
  }
  if (dropped) rebuild(target);
}

function addField(target: Searchable, field: string): void {
  const count = target.searchFields.get(field);
  if (count !== undefined) {
    target.searchFields.set(field, count + 1);
    return;
  }
  target.searchFields.set(field, 1);
  const text = target.searchText;
  if (text === undefined) return;
  const folded = foldCase(field);
  if (searchedAsIs(field, folded)) target.searchedAsIs = [...target.searchedAsIs, field];
  else if (text.length + 1 + field.length > SEARCH_TEXT_MAX_CHARS) target.searchText = undefined;
  else target.searchText = `${text}${SEPARATOR}${folded}`;
}

function rebuild(target: Searchable): void {
  let text = '';
  const asIs: string[] = [];
  for (const field of target.searchFields.keys()) {
    const folded = foldCase(field);
    if (searchedAsIs(field, folded)) asIs.push(field);
    else if (text.length + 1 + field.length > SEARCH_TEXT_MAX_CHARS) {
      target.searchText = undefined;
      return;
    } else text += `${SEPARATOR}${folded}`;
  }
  target.searchText = text;
  target.searchedAsIs = asIs.length > 0 ? asIs : NONE;
}

/** A needle for the `searchText`s, or undefined when it cannot use them (it holds the separator). */
export function foldedNeedle(text: string): string | undefined {
  return text.includes(SEPARATOR) ? undefined : foldCase(text);
}
