using Google.Protobuf;
using System.Text.Json;
using Ivig.Dosing.Features.Audit;
using Ivig.Dosing.Features.Regimens;
using Ivig.IntegrationEvents;
using StackExchange.Redis;

namespace Ivig.Dosing.Infrastructure;

/// <summary>
/// Regimens as the contract's message, in binary protobuf: formatting a regimen as proto JSON was a fifth of
/// Dosing's work per PlanRegimen (docs/performance.md), and binary keeps unknown fields for older builds just
/// as well. Regimens written as JSON by earlier versions are still read. GetRegimen shows one as JSON.
/// </summary>
public sealed class RedisRegimenStore(IConnectionMultiplexer redis) : IRegimenStore
{
    // KEYS[1] regimen, KEYS[2] audit stream, KEYS[3] RegimenPlanned outbox. ARGV[1] regimen, ARGV[2..4]
    // audit entry, ARGV[5] regimen id, ARGV[6] RegimenPlanned. Regimens are immutable: written only if new,
    // together with their audit entry and their announcement, or not at all.
    private static readonly string AddScript = $"""
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('SET', KEYS[1], ARGV[1])
        {RedisAudit.AppendLua("KEYS[2]", 2)}
        redis.call('HSET', KEYS[3], ARGV[5], ARGV[6])
        return 1
        """;

    public async Task AddAsync(V1.Regimen regimen, AuditEntry audit, RegimenPlanned planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(planned);
        cancellationToken.ThrowIfCancellationRequested();
        var added = await redis.GetDatabase().ScriptEvaluateAsync(AddScript,
            [RedisKeys.Regimen(planned.RegimenId), RedisKeys.Audit, RedisKeys.RegimenPlannedOutbox],
            [
                regimen.ToByteArray(),
                .. RedisAudit.Arguments(audit),
                planned.RegimenId.ToString("D"),
                JsonSerializer.Serialize(planned, StoreJson.Options),
            ]);
        if ((int)added != 1)
        {
            throw new InvalidOperationException($"Regimen {planned.RegimenId} already exists; a stored regimen is never overwritten.");
        }
    }

    public async Task<V1.Regimen?> GetAsync(Guid regimenId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().StringGetAsync(RedisKeys.Regimen(regimenId));
        if (value.IsNull)
        {
            return null;
        }
        // '{' never starts a binary Regimen (it would be field 15 as a group, which the contract has not).
        var bytes = (byte[])value!;
        return bytes.Length > 0 && bytes[0] == (byte)'{'
            ? StoreJson.ProtoParser.Parse<V1.Regimen>(value.ToString())
            : V1.Regimen.Parser.ParseFrom(bytes);
    }
}
