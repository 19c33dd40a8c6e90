using System.Text.Json;
using System.Text.Json.Serialization;
using PassBroker.Http.Admin;
using PassBroker.Http.Decisions;
using PassBroker.Http.Devices;
using PassBroker.Http.Health;
using PassBroker.Http.Logout;
using PassBroker.Http.Mvpds;
using PassBroker.Http.Profiles;
using PassBroker.Http.Sessions;
using PassBroker.Http.TempPass;

namespace PassBroker.Http.Edge;

/// <summary>
/// Compile-time JSON metadata of every request and response body of PassBroker's API, so that no route builds it by
/// reflection on its first call. <see cref="HttpJson.Configure"/> puts it first in the resolver chain; the settings
/// (camelCase, enums as strings, nulls left out) stay those of <see cref="HttpJson"/>. A route whose body is missing
/// here fails <c>HttpJsonContextTests</c>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RegisterDeviceRequest))]
[JsonSerializable(typeof(RegisterDeviceResponse))]
[JsonSerializable(typeof(MvpdListResponse))]
[JsonSerializable(typeof(StartSessionRequest))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(ProfileListResponse))]
[JsonSerializable(typeof(PreauthorizeRequest))]
[JsonSerializable(typeof(PreauthorizeResponse))]
[JsonSerializable(typeof(AuthorizeRequest))]
[JsonSerializable(typeof(AuthorizeResponse))]
[JsonSerializable(typeof(LogoutRequest))]
[JsonSerializable(typeof(LogoutResponse))]
[JsonSerializable(typeof(StartTempPassRequest))]
[JsonSerializable(typeof(TempPassResponse))]
[JsonSerializable(typeof(ResetTempPassRequest))]
[JsonSerializable(typeof(ResetTempPassResponse))]
[JsonSerializable(typeof(ResealRequest))]
[JsonSerializable(typeof(ResealResponse))]
[JsonSerializable(typeof(HealthResponse))]
public sealed partial class HttpJsonContext : JsonSerializerContext;
