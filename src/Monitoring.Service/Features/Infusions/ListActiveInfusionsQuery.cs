using System.Globalization;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>ListActiveInfusions: running and paused infusions, oldest first, paged.</summary>
public sealed class ListActiveInfusionsQuery(InfusionStore store)
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    public async Task<ListActiveInfusionsResponse> ExecuteAsync(ListActiveInfusionsRequest request)
    {
        var violations = new List<FieldViolation>();
        if (request.PageSize is < 0 or > MaxPageSize)
        {
            violations.Add(new("page_size", $"Must be between 1 and {MaxPageSize}, or 0 for {DefaultPageSize}."));
        }
        var offset = 0;
        if (request.PageToken.Length > 0 && !(int.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset >= 0))
        {
            violations.Add(new("page_token", "Not a token this service issued."));
        }
        RequestValidationException.ThrowIfAny(violations);

        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var (sessions, hasMore) = await store.ListActiveAsync(offset, pageSize);
        return new ListActiveInfusionsResponse
        {
            Infusions = { sessions.Select(s => s.ToProto()) },
            NextPageToken = hasMore ? (offset + pageSize).ToString(CultureInfo.InvariantCulture) : "",
        };
    }
}
