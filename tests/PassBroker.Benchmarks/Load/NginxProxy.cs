using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PassBroker.Testing.Hosting;

namespace PassBroker.Benchmarks.Load;

/// <summary>
/// Debian's nginx as a plain reverse proxy (keep-alive upstream, no buffering changes, no cache) in front of one
/// origin, run in the foreground from a generated config in a temp directory, on 127.0.0.1 only.
/// </summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;

    private NginxProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Its one process (no master: <c>master_process off</c>), whose CPU time the report reads.</summary>
    public int ProcessId => _process.Id;

    public static async Task<NginxProxy> StartAsync(Uri origin, string workDirectory)
    {
        var port = LoopbackPorts.Free();
        var directory = Directory.CreateDirectory(Path.Combine(workDirectory, "nginx")).FullName;
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              upstream origin { server {{origin.Authority}}; keepalive 64; }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://origin;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                }
              }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("nginx", ["-c", config, "-p", directory]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, new Uri($"http://127.0.0.1:{port}"));
        for (var i = 0; i < 50; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("nginx did not listen.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
