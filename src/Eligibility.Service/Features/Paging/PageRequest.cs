using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Paging;

/// <summary>A checked page request: size 1-100 (0 means 20) and the cursor from a token, if any.</summary>
public sealed record PageRequest(int PageSize, PageCursor? After)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Reads page_size and page_token; problems go to <paramref name="violations"/> (then the result is meaningless).</summary>
    public static PageRequest Read(int pageSize, string pageToken, string scope, List<FieldViolation> violations)
    {
        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add(new("page_size", $"Must be between 1 and {MaxPageSize}, or 0 for {DefaultPageSize}."));
        }

        PageCursor? after = null;
        if (pageToken.Length > 0)
        {
            if (PageToken.TryDecode(pageToken, scope, out var cursor))
            {
                after = cursor;
            }
            else
            {
                violations.Add(new("page_token", "Not a token this service issued for this list; use next_page_token as returned."));
            }
        }

        return new PageRequest(pageSize == 0 ? DefaultPageSize : pageSize, after);
    }

    public static string NextToken<T>(Page<T> page, string scope) =>
        page.Next is { } next ? PageToken.Encode(scope, next) : "";
}
