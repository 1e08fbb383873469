/** The `authorizationToken` of a `web.href`, if any. */
export function hrefToken(href: string | undefined): string | undefined {
  if (href === undefined || !URL.canParse(href)) return undefined;
  return new URL(href).searchParams.get('authorizationToken') ?? undefined;
}
