namespace PassBroker.Http.Pages;

/// <summary>The pages' one stylesheet, served by PassBroker. Sizes in rem and a single column, so it reads on a phone and
/// at 200% zoom; touch targets of at least 44 px; visible focus; colours that pass WCAG AA in light and dark mode. A brand's
/// palette comes after it (<see cref="Branding.BrandPalette"/>).</summary>
internal static class AuthnStylesheet
{
    public const string Css = """
        :root{color-scheme:light dark;--fg:#1a1a1a;--bg:#fff;--muted:#4a4a4a;--accent:#0b57d0;--accent-fg:#fff;--error:#b3261e;--line:#c4c4c4}
        @media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#161616;--muted:#c2c2c2;--accent:#8ab4f8;--accent-fg:#0b1a33;--error:#ffb4ab;--line:#5c5c5c}}
        *{box-sizing:border-box}
        body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        main{max-width:32rem;margin:0 auto;padding:2rem 1rem 3rem}
        h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}
        p{margin:0 0 1rem}
        .hint{color:var(--muted)}
        label{display:block;font-weight:600;margin-bottom:.4rem}
        input[type=text]{display:block;width:100%;min-height:3rem;padding:.5rem .75rem;font:inherit;font-size:1.5rem;letter-spacing:.15em;
          text-transform:uppercase;color:inherit;background:transparent;border:2px solid var(--line);border-radius:.5rem}
        input[aria-invalid=true]{border-color:var(--error)}
        button,.button{display:inline-flex;align-items:center;justify-content:center;gap:.75rem;min-height:3rem;min-width:44px;padding:.5rem 1.25rem;
          margin-top:1rem;font:inherit;font-weight:600;color:var(--accent-fg);background:var(--accent);border:2px solid var(--accent);border-radius:.5rem;cursor:pointer}
        :focus-visible{outline:3px solid var(--accent);outline-offset:3px}
        .error{color:var(--error);font-weight:600;border-left:.3rem solid var(--error);padding-left:.75rem}
        fieldset{border:0;margin:0;padding:0}
        legend{font-weight:600;margin-bottom:.5rem}
        .providers{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
        .providers button{width:100%;justify-content:flex-start;margin:0;color:var(--fg);background:transparent;border-color:var(--line)}
        .providers button:hover{border-color:var(--accent)}
        .providers img{width:3rem;height:3rem;object-fit:contain;flex:none}
        .code{font-weight:700;letter-spacing:.1em}
        .brand{display:flex;align-items:center;gap:.75rem;margin:0 0 1.5rem;padding-bottom:.75rem;border-bottom:.25rem solid var(--accent);font-size:1.2rem;font-weight:700}
        .brand img{height:2.5rem;width:auto;max-width:10rem;object-fit:contain}
        """;
}
