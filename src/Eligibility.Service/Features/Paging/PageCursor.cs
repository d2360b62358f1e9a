namespace Ivig.Eligibility.Features.Paging;

/// <summary>
/// Where a page of a newest-first list ended: the last item's sort score (Unix milliseconds) and its
/// member id, which breaks ties. A cursor, unlike an offset, stays correct while new items arrive at the top.
/// </summary>
public readonly record struct PageCursor(long Score, string Member);
