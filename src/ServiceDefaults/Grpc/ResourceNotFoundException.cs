namespace Ivig.ServiceDefaults.Grpc;

/// <summary>A named resource does not exist: mapped to <c>NotFound</c>.</summary>
public sealed class ResourceNotFoundException(string resourceType, string id)
    : Exception($"{resourceType} '{id}' was not found.")
{
    public string ResourceType { get; } = resourceType;
    public string Id { get; } = id;
}
