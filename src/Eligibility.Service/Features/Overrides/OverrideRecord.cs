using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Eligibility.Features.Overrides;

/// <summary>A prescriber's override of an assessment's recommendation: who, why, when. At most one per assessment.</summary>
public sealed record OverrideRecord(Caller By, string Reason, DateTimeOffset RecordedAt);
