using System.Text.Json;
using Ivig.Dosing.Features.Audit;
using StackExchange.Redis;

namespace Ivig.Dosing.Infrastructure;

/// <summary>
/// Appends audit entries to the audit stream from inside the caller's Lua script, so a decision and its
/// audit entry are stored in one atomic step (one round trip, where WATCH/MULTI/EXEC took several).
/// </summary>
public static class RedisAudit
{
    /// <summary>Lua appending the entry given by three ARGV values from <c>first</c> (action, regimen id, entry JSON) to the stream at <c>key</c>.</summary>
    public static string AppendLua(string key, int first) =>
        $"redis.call('XADD', {key}, '*', 'action', ARGV[{first}], 'regimenId', ARGV[{first + 1}], 'entry', ARGV[{first + 2}])";

    /// <summary>The three script arguments <see cref="AppendLua"/> reads.</summary>
    public static RedisValue[] Arguments(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return [entry.Action, entry.RegimenId.ToString("D"), JsonSerializer.Serialize(entry, StoreJson.Options)];
    }
}
