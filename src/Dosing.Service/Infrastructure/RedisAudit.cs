using System.Text.Json;
using Ivig.Dosing.Features.Audit;
using StackExchange.Redis;

namespace Ivig.Dosing.Infrastructure;

/// <summary>Appends audit entries to the audit stream, inside the caller's transaction.</summary>
public static class RedisAudit
{
    public static Task<RedisValue> Append(IDatabaseAsync database, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(entry);
        return database.StreamAddAsync(RedisKeys.Audit,
        [
            new NameValueEntry("action", entry.Action),
            new NameValueEntry("regimenId", entry.RegimenId.ToString("D")),
            new NameValueEntry("entry", JsonSerializer.Serialize(entry, StoreJson.Options)),
        ]);
    }
}
