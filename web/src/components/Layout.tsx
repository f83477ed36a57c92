import type { ReactNode } from "react";
import { NavLink } from "react-router-dom";
import { LOCAL_GROUP_ID } from "../api/client";
import { useI18n } from "../i18n/I18n";

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const link = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100"}`;
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
          <NavLink to="/meetings" className="flex items-baseline gap-2">
            <span className="text-xl font-bold tracking-tight text-indigo-600">{t("app.name")}</span>
            <span className="hidden text-xs text-slate-500 sm:inline">{t("app.tagline")}</span>
          </NavLink>
          <nav className="flex gap-1">
            <NavLink to="/meetings" className={link}>
              {t("nav.meetings")}
            </NavLink>
            <NavLink to={`/groups/${LOCAL_GROUP_ID}/board`} className={link}>
              {t("nav.board")}
            </NavLink>
          </nav>
          <button
            data-testid="locale-switch"
            onClick={() => setLocale(locale === "en" ? "ko" : "en")}
            className="ml-auto rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
          >
            {t("lang.switch")}
          </button>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
