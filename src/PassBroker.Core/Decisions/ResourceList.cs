using PassBroker.Core.Errors;

namespace PassBroker.Core.Decisions;

/// <summary>Checks the resources an app asks about: present, not too many, not too long, no control characters
/// (MRSS may span lines, so tab, CR and LF are allowed). Duplicates are asked about once.</summary>
public static class ResourceList
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<string?>? resources, DecisionsOptions options)
    {
        if (resources is null || resources.Count == 0)
        {
            throw PassBrokerException.Validation("resources", "resources must list at least one resource id.");
        }
        if (resources.Count > options.MaxResourcesPerRequest)
        {
            throw PassBrokerException.Validation("resources", $"At most {options.MaxResourcesPerRequest} resources per request.");
        }
        return resources.Select(r => ValidateOne(r, "resources", options)).Distinct(StringComparer.Ordinal).ToList();
    }

    public static string ValidateOne(string? resource, string field, DecisionsOptions options)
    {
        if (string.IsNullOrWhiteSpace(resource))
        {
            throw PassBrokerException.Validation(field, "A resource id must not be empty.");
        }
        if (resource.Length > options.MaxResourceLength || resource.Any(c => char.IsControl(c) && c is not '\t' and not '\r' and not '\n'))
        {
            throw PassBrokerException.Validation(field, $"A resource id is at most {options.MaxResourceLength} characters, without control characters.");
        }
        return resource;
    }
}
