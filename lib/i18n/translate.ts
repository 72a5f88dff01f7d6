// Message lookup shared by server and client components. Keys are checked at compile time
// against the English catalog; every other catalog must have the same shape.

import { fill } from "./fill";
import type { Locale } from "./locales";
import { ar } from "./messages/ar";
import { en, type Messages } from "./messages/en";
import { es } from "./messages/es";
import { fr } from "./messages/fr";
import { ru } from "./messages/ru";
import { zh } from "./messages/zh";
import { withFrenchTypography } from "./typography";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

// French spacing is guaranteed here for every string, however it was typed in the catalog.
export const catalogs: Record<Locale, Messages> = { ar, zh, en, fr: withFrenchTypography(fr), ru, es };

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars) => {
    const template = lookup(messages, key) ?? lookup(en, key) ?? key;
    return vars ? fill(template, vars) : template;
  };
}

/** For keys that come from data (error codes, enum values); falls back to the key itself. */
export function isMessageKey(key: string): key is MessageKey {
  return lookup(en, key) !== undefined;
}
