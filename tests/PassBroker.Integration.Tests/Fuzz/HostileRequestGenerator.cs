using System.Globalization;
using System.Text;

namespace PassBroker.Integration.Tests.Fuzz;

/// <summary>What the generator may use to get past the first checks: real tokens, the admin key, real codes.</summary>
public sealed record FuzzCredentials(string DeviceToken, string OtherDeviceToken, string AdminKey, string OwnCode, string OtherDevicesCode);

/// <summary>
/// Malformed requests for every route of PassBroker, our own generator. Request <c>i</c> of seed <c>s</c> is always the
/// same request (it draws from one <c>Random</c> seeded by both alone), whatever ran before or beside it, so a failure replays from
/// the seed and the index. Each request starts from a route's valid shape and breaks one to four things: the body
/// (malformed or truncated JSON, wrong types, deep nesting, huge strings, invalid UTF-8, other encodings), the route
/// values and query, the method, the media type, and the headers (credentials, X-Forwarded-For, Latin-1 bytes).
/// </summary>
public sealed class HostileRequestGenerator(FuzzCredentials credentials, int seed)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "application/json; charset=nonsense",
        "application/problem+json", "application/vnd.api+json", "text/json", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz", "multipart/form-data", "application/xml", "application/octet-stream", "*/*", "application/",
        ";;;", "application/json; boundary=\"", "APPLICATION/JSON",
    ];

    private static readonly string[] ForwardedFor =
    [
        "not-an-ip", "1.2.3.4:99999", "999.1.1.1", "::1", "[::1]:80", "fe80::1%eth0", ", , ,", "unknown", "1.2.3.4:-1", "", " ",
        "198.51.100.7, 203.0.113.9, 10.0.0.1", "0.0.0.0", "255.255.255.255:0", "1.2.3.4:80:90", "[2001:db8::1]", "1.2.3.4\t5.6.7.8",
    ];

    private readonly Route[] _routes =
    [
        new("POST", "/api/devices", Json: true, Fields: ["deviceId", "deviceInfo"]),
        new("GET", "/api/mvpds"),
        new("POST", "/api/authentication/sessions", Json: true, Fields: ["mvpd"]),
        new("GET", "/api/authentication/sessions/{code}", Query: ["wait"]),
        new("GET", "/api/profiles"),
        new("POST", "/api/decisions/preauthorize", Json: true, Fields: ["resources", "mvpd"]),
        new("POST", "/api/decisions/authorize", Json: true, Fields: ["resource", "mvpd"]),
        new("POST", "/api/logout", Json: true, Fields: ["mvpd"]),
        new("POST", "/api/temppass", Json: true, Fields: ["kind", "email"]),
        new("GET", "/api/temppass", Query: ["kind"]),
        new("POST", "/api/admin/temppass/reset", Json: true, Fields: ["kind", "deviceId", "email", "hash", "all"]),
        new("GET", "/api/health"),
        new("GET", "/authn", Query: ["code"]),
        new("POST", "/authn", Form: ["code"]),
        new("POST", "/authn/provider", Form: ["code", "mvpd"]),
        new("GET", "/authn/authn.css"),
        new("GET", "/authn/done"),
        new("GET", "/authn/signed-out"),
        new("GET", "/api/{garbage}"),
    ];

    public HostileRequest Create(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var route = _routes[random.Next(_routes.Length)];
        var method = random.Next(10) == 0 ? Pick(random, Methods) : route.Method;
        var target = Target(random, route);
        var headers = Headers(random, route);
        var (body, contentType) = route switch
        {
            { Json: true } => JsonBody(random, route),
            { Form.Length: > 0 } => FormBody(random, route),
            _ => random.Next(6) == 0 ? (Garbage(random), Pick(random, ContentTypes)) : (null, null),
        };
        return new HostileRequest(index, method, target, headers, body, contentType, Chunked: body is not null && random.Next(4) == 0);
    }

    private string Target(Random random, Route route)
    {
        var path = route.Path
            .Replace("{code}", RouteValue(random), StringComparison.Ordinal)
            .Replace("{garbage}", RouteValue(random), StringComparison.Ordinal);
        if (random.Next(8) == 0)
        {
            path += Pick(random, ["/", "//", "/..", "/%2e%2e/devices", "/extra", ";jsessionid=1", "%20", "%00", "/%ff"]);
        }
        var query = new List<string>();
        foreach (var name in route.Query ?? [])
        {
            if (random.Next(3) != 0)
            {
                query.Add(name + "=" + QueryValue(random, name));
            }
        }
        if (random.Next(6) == 0)
        {
            query.Add(Pick(random, ["wait=1&wait=2", "kind", "=", "&&&", "%", "a=%zz", "code=%00", new string('q', random.Next(1, 6000)) + "=1"]));
        }
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private string RouteValue(Random random) => random.Next(9) switch
    {
        0 => credentials.OwnCode,
        1 => credentials.OtherDevicesCode,
        2 => Alphanumeric(random, random.Next(1, 40)),
        3 => Uri.EscapeDataString(Text(random, random.Next(1, 20))),
        4 => Percent(random, random.Next(1, 30)),
        5 => Pick(random, ["..", "%2e%2e", "%2F", "%5C", "%23", "%3F", "%E2%98%83", "%C0%AF", "%ED%A0%80", "~start", "%25", "%u0041", "+", " "]),
        6 => new string('A', random.Next(33, 7000)),
        7 => "ABC1234",
        _ => Alphanumeric(random, 7).ToUpperInvariant(),
    };

    private string QueryValue(Random random, string name) => random.Next(7) switch
    {
        0 when name == "wait" => random.Next(-2, 35).ToString(CultureInfo.InvariantCulture),
        0 when name == "kind" => Pick(random, ["basic", "promotional", "BASIC", "gold"]),
        0 => credentials.OwnCode,
        1 => Percent(random, random.Next(1, 20)),
        2 => Uri.EscapeDataString(Text(random, random.Next(0, 300))),
        3 => "99999999999999999999",
        4 => "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        5 => "",
        _ => Alphanumeric(random, random.Next(1, 12)),
    };

    private List<KeyValuePair<string, string>> Headers(Random random, Route route)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var authorization = random.Next(14) switch
        {
            0 or 1 or 2 => route.Path.Contains("admin", StringComparison.Ordinal) ? "Bearer " + credentials.AdminKey : "Bearer " + credentials.DeviceToken,
            3 => "Bearer " + credentials.OtherDeviceToken,
            4 => "Bearer " + credentials.AdminKey,
            5 => "Bearer " + credentials.DeviceToken,
            6 => "Bearer " + Tamper(random, credentials.DeviceToken),
            7 => Pick(random, ["Bearer", "Bearer ", "bearer " + credentials.DeviceToken, "Basic dXNlcjpwYXNz", "Digest x", "Bearer pbd1..", "Bearer pbd1.a.b.c"]),
            8 => "Bearer " + new string('x', random.Next(100, 20_000)),
            9 => "Bearer " + Latin1(random, random.Next(1, 60)),
            _ => null,
        };
        if (authorization is not null)
        {
            headers.Add(new("Authorization", authorization));
            if (random.Next(8) == 0)
            {
                // A second Authorization header: which one wins must not matter.
                headers.Add(new("Authorization", "Bearer " + credentials.OtherDeviceToken));
            }
        }
        if (random.Next(3) == 0)
        {
            var forwarded = random.Next(5) == 0
                ? string.Join(", ", Enumerable.Range(0, random.Next(2, 400)).Select(i => $"10.{i % 250}.0.{i % 200}"))
                : Pick(random, ForwardedFor);
            headers.Add(new("X-Forwarded-For", forwarded));
        }
        if (random.Next(10) == 0)
        {
            headers.Add(new("X-Forwarded-Proto", Pick(random, ["https", "gopher", "", "https, http", Latin1(random, 8)])));
        }
        if (random.Next(10) == 0)
        {
            headers.Add(new("Sec-Fetch-Site", Pick(random, ["cross-site", "same-origin", "none", "", Latin1(random, 5)])));
        }
        if (random.Next(12) == 0)
        {
            headers.Add(new(Pick(random, ["Accept", "Accept-Language", "User-Agent", "Content-Encoding", "Cookie", "Origin", "Referer"]),
                random.Next(2) == 0 ? Latin1(random, random.Next(1, 200)) : Pick(random, ["gzip", "*/*;q=abc", "br", "", "a=b; c"])));
        }
        return headers;
    }

    private (byte[] Body, string? ContentType) JsonBody(Random random, Route route)
    {
        var contentType = random.Next(6) == 0 ? Pick(random, ContentTypes) : random.Next(20) == 0 ? null : "application/json";
        var body = random.Next(5) switch
        {
            0 => Garbage(random),
            1 => Encoding.UTF8.GetBytes(Truncate(random, ValidJson(random, route))),
            _ => Encoding.UTF8.GetBytes(MutatedJson(random, route)),
        };
        if (random.Next(15) == 0)
        {
            // The same document in another encoding, or behind a byte order mark.
            var text = Encoding.UTF8.GetString(body);
            body = random.Next(2) == 0 ? Encoding.Unicode.GetBytes(text) : [0xEF, 0xBB, 0xBF, .. body];
        }
        return (body, contentType);
    }

    private (byte[] Body, string? ContentType) FormBody(Random random, Route route)
    {
        if (random.Next(4) == 0)
        {
            return (Garbage(random), Pick(random, ContentTypes));
        }
        var fields = route.Form!.Where(_ => random.Next(5) != 0)
            .Select(name => name + "=" + (name == "code" && random.Next(3) == 0 ? credentials.OtherDevicesCode : QueryValue(random, name)));
        if (random.Next(6) == 0)
        {
            fields = fields.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(i => $"f{i}={i}"));
        }
        return (Encoding.UTF8.GetBytes(string.Join('&', fields)), random.Next(8) == 0 ? Pick(random, ContentTypes) : "application/x-www-form-urlencoded");
    }

    private string ValidJson(Random random, Route route) =>
        "{" + string.Join(',', route.Fields!.Select(f => $"\"{f}\":{ValidValue(random, f)}")) + "}";

    private string MutatedJson(Random random, Route route)
    {
        var members = route.Fields!.ToDictionary(f => f, f => (string?)ValidValue(random, f));
        for (var mutations = random.Next(1, 4); mutations > 0; mutations--)
        {
            var field = Pick(random, route.Fields!);
            switch (random.Next(5))
            {
                case 0:
                    members[field] = null; // left out
                    break;
                case 1:
                    members["extra" + random.Next(3)] = HostileValue(random);
                    break;
                default:
                    members[field] = HostileValue(random);
                    break;
            }
        }
        var json = "{" + string.Join(',', members.Where(m => m.Value is not null).Select(m => $"\"{m.Key}\":{m.Value}")) + "}";
        return random.Next(12) switch
        {
            0 => json.Insert(1, "\"mvpd\":\"x\","), // a duplicate member
            1 => json.Replace("}", ",}", StringComparison.Ordinal), // trailing comma
            2 => "/* comment */" + json,
            3 => "[" + json + "]",
            _ => json,
        };
    }

    private string ValidValue(Random random, string field) => field switch
    {
        "deviceId" => $"\"fuzz-tv-{random.Next(20)}\"",
        "deviceInfo" => """{"model":"m","version":"1","osName":"Android","osVersion":"12","connectionType":"LAN","manufacturer":"Sony"}""",
        "mvpd" => Pick(random, ["\"ExampleCable\"", "\"TempPass_REF30\"", "\"TempPassPromo_REF30\"", "\"NoSuchMvpd\""]),
        "resources" => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 8)).Select(i => $"\"show-{i}\"")) + "]",
        "resource" => "\"show-1\"",
        "kind" => Pick(random, ["\"basic\"", "\"promotional\""]),
        "email" => "\"viewer@example.org\"",
        "hash" => "\"" + new string('a', 64) + "\"",
        "all" => "true",
        _ => "\"x\"",
    };

    private static string HostileValue(Random random) => random.Next(16) switch
    {
        0 => "null",
        1 => Pick(random, ["42", "-1", "1e400", "-1e400", "0.5", "123456789012345678901234567890", "NaN", "-0"]),
        2 => Pick(random, ["true", "false", "[]", "{}", "[[]]", "{\"a\":{}}"]),
        3 => "\"" + new string('x', random.Next(1000, 70_000)) + "\"",
        4 => Nested(random, random.Next(10, 3000)),
        5 => Pick(random, ["\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u202e\"", "\"a\\nb\"", "\"\\\"\"", "\"\\x41\"", "\"\\u00\""]),
        6 => "[" + string.Join(',', Enumerable.Range(0, random.Next(100, 3000)).Select(i => $"\"r{i}\"")) + "]",
        7 => "[" + string.Join(',', Enumerable.Range(0, random.Next(1, 20)).Select(_ => HostileScalar(random))) + "]",
        8 => "\"" + Pick(random, ["<script>alert(1)</script>", "../../etc/passwd", "' OR 1=1 --", "a/b#c?d\\\\e", "%00", "${jndi:x}", "PartitionKey eq ''"]) + "\"",
        9 => "\"" + EscapedText(random, random.Next(0, 200)) + "\"",
        10 => "{\"model\":" + HostileScalar(random) + ",\"version\":\"1\",\"osName\":\"x\",\"osVersion\":\"1\",\"connectionType\":\"LAN\"}",
        11 => "\"" + Pick(random, ["", " ", "ExampleCable ", "EXAMPLECABLE", "a@b", "@", "viewer@@example.org", "x@" + new string('y', 300) + ".org"]) + "\"",
        12 => Pick(random, ["{", "}", "[", "\"open", "tru", "nul", "'single'", "undefined", "0x10", ".5", "+1", "01"]),
        _ => "\"" + Alphanumeric(random, random.Next(0, 40)) + "\"",
    };

    private static string HostileScalar(Random random) =>
        Pick(random, ["null", "1", "true", "\"\"", "\"x\"", "{}", "[]", "1e999", "\"\\u0000\""]);

    private static string Nested(Random random, int depth) => random.Next(2) == 0
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static string Truncate(Random random, string json) => json[..random.Next(0, json.Length)];

    private static byte[] Garbage(Random random) => random.Next(6) switch
    {
        0 => [.. Enumerable.Range(0, random.Next(0, 2000)).Select(_ => (byte)random.Next(256))],
        1 => [0x7B, 0x22, 0x6D, 0x76, 0x70, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D], // {"mvpd":"<invalid UTF-8>"}
        2 => [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF8, 0x88, 0x80, 0x80, 0x80],
        3 => Encoding.UTF8.GetBytes(Pick(random, ["", " ", "\n", "null", "0", "\"x\"", "[]", "true", "{}", "{\"\":\"\"}"])),
        4 => new byte[random.Next(1, 100_000)],
        _ => Encoding.UTF8.GetBytes(new string(' ', random.Next(1, 20_000)) + "{}"),
    };

    private static string Tamper(Random random, string token)
    {
        var chars = token.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return random.Next(3) switch
        {
            0 => new string(chars),
            1 => token + Alphanumeric(random, 3),
            _ => token[..random.Next(token.Length)],
        };
    }

    private static string Alphanumeric(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[random.Next(62)])]);

    private static string Percent(Random random, int bytes) =>
        string.Concat(Enumerable.Range(0, bytes).Select(_ => $"%{random.Next(1, 256):X2}"));

    private static string Text(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(1, 0xD7FF))]);

    // JSON string content: printable text plus \u escapes of anything (lone surrogates and control characters included).
    private static string EscapedText(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => random.Next(4) == 0 ? $"\\u{random.Next(0, 0x10000):x4}" : Alphanumeric(random, 1)));

    // Latin-1 bytes above 0x7F, as a client that does not speak ASCII sends them; never CR or LF.
    private static string Latin1(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)(random.Next(2) == 0 ? random.Next(0x80, 0x100) : random.Next(0x20, 0x7F)))]);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private sealed record Route(string Method, string Path, bool Json = false, string[]? Fields = null, string[]? Query = null, string[]? Form = null);
}
