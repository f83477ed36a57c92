import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en, ko, type MessageKey } from "./messages";

export type Locale = "en" | "ko";
const STORAGE_KEY = "vori.locale";
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ko };

type I18n = { locale: Locale; setLocale: (locale: Locale) => void; t: Translate };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (saved === "en" || saved === "ko") return saved;
  return window.navigator.language.toLowerCase().startsWith("ko") ? "ko" : "en";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, vars) => {
      const text = catalogs[locale][key] ?? en[key];
      return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
    },
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n outside I18nProvider");
  return context;
}
