namespace Ivig.Eligibility.Features.Paging;

/// <summary>One page of a list, and where the next one starts (null when this is the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, PageCursor? Next);
