namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The operations board: static HTML, CSS and JavaScript in wwwroot/board, served anonymously at
/// /board/ before authentication. The page holds no data; every data call it makes carries the
/// user's token and meets the same authorization as any other client (docs/interop.md (operations board)).
/// </summary>
internal static class BoardExtensions
{
    public const string BoardPath = "/board";

    // The page loads only its own script and style and talks only to its own origin; it may not be framed.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Serves /board/ (index.html) and its files, anything else under /board is 404; other paths pass on.</summary>
    public static void UseBoard(this WebApplication app) =>
        app.MapWhen(context => context.Request.Path.StartsWithSegments(BoardPath), board =>
        {
            // "/board" is redirected to "/board/", then "/board/" serves index.html.
            board.UseDefaultFiles();
            board.UseStaticFiles(new StaticFileOptions
            {
                ServeUnknownFileTypes = false,
                OnPrepareResponse = file =>
                {
                    var headers = file.Context.Response.Headers;
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "no-referrer";
                    // Small files, always revalidated: a new gateway build never leaves an old script behind.
                    headers.CacheControl = "no-cache";
                },
            });
            board.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
}
