using System.Security.Cryptography;
using System.Text;

namespace PassBroker.Storage.Tables;

/// <summary>
/// The row key part naming a resource (decisions, plays): lowercase hex SHA-256 of its UTF-8. Resources can be long
/// MRSS documents, far over the 1 KiB key limit, so the key holds the hash and a column holds the resource itself.
/// </summary>
internal static class ResourceHash
{
    public static string Of(string resource) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resource)));
}
