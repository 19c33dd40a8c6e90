using System.Text.Json;
using System.Text.Json.Serialization;
using PassBroker.Core.Devices;
using PassBroker.Core.Upstream;

namespace PassBroker.Storage.Tables;

/// <summary>The JSON of the complex parts kept in one table property each (device info, profiles).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeviceInfo))]
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(IReadOnlyList<Profile>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
