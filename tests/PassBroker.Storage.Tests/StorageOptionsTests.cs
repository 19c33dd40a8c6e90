using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Profiles;
using PassBroker.Core.Sessions;
using PassBroker.Storage.Encryption;

namespace PassBroker.Storage.Tests;

public sealed class StorageOptionsTests
{
    private static readonly string ValidKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task StartAsync_ValidDataKeys_Starts()
    {
        using var host = Build(new() { ["Storage:DataKeys:Current"] = "dev1", ["Storage:DataKeys:Keys:dev1"] = ValidKey });

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal("", options.TablePrefix);
        Assert.Equal("dev1", (await host.Services.GetRequiredService<IDataKeyProvider>().GetCurrentKeyAsync(default)).Version);
        await host.StopAsync();
    }

    public static TheoryData<string, string?, string?, string> InvalidDataKeys() => new()
    {
        // current version, its key, another setting as "path=value", the message expected
        { "", null, null, "Storage:DataKeys:Current is required" },
        { "dev1", null, "Storage:DataKeys:Keys:dev2=" + ValidKey, "names key 'dev1', which is not in Storage:DataKeys:Keys" },
        { "dev1", Convert.ToBase64String(new byte[16]), null, "Data key 'dev1' must be the base64 of exactly 32 bytes" },
        { "dev1", Convert.ToBase64String(new byte[33]), null, "Data key 'dev1' must be the base64 of exactly 32 bytes" },
        { "dev1", "not base64!", null, "Data key 'dev1' must be the base64 of exactly 32 bytes" },
        { "dev/1", ValidKey, null, "Data key version 'dev/1' must be" },
        { "dev1", ValidKey, "Storage:DataKeys:Keys:old=", "Data key 'old' must be the base64 of exactly 32 bytes" },
    };

    [Theory]
    [MemberData(nameof(InvalidDataKeys))]
    public async Task StartAsync_InvalidDataKeys_FailsNamingTheProblem(string current, string? key, string? other, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Storage:DataKeys:Current"] = current };
        if (key is not null)
        {
            settings[$"Storage:DataKeys:Keys:{current}"] = key;
        }
        if (other?.Split('=', 2) is [var path, var value])
        {
            settings[path] = value;
        }
        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (key is not null)
        {
            Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Storage:ConnectionString", "http://account.table.core.windows.net", "must be the https table endpoint")]
    [InlineData("Storage:ConnectionString", " ", "Storage:ConnectionString is required")]
    [InlineData("Storage:TablePrefix", "1abc", "Storage:TablePrefix must be")]
    [InlineData("Storage:TablePrefix", "a-b", "Storage:TablePrefix must be")]
    public async Task StartAsync_InvalidStorageSettings_FailsNamingTheProblem(string path, string value, string expected)
    {
        using var host = Build(new() { ["Storage:DataKeys:Current"] = "dev1", ["Storage:DataKeys:Keys:dev1"] = ValidKey, [path] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPassBrokerStorage_Always_RegistersTheStoresAndOneClientAsSingletons()
    {
        using var host = Build(new() { ["Storage:DataKeys:Current"] = "dev1", ["Storage:DataKeys:Keys:dev1"] = ValidKey });
        var services = host.Services;

        Assert.Same(services.GetRequiredService<IDeviceStore>(), services.GetRequiredService<IDeviceStore>());
        Assert.Same(services.GetRequiredService<ISessionStore>(), services.GetRequiredService<ISessionStore>());
        Assert.Same(services.GetRequiredService<IProfileCache>(), services.GetRequiredService<IProfileCache>());
        Assert.Same(services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<TableServiceClient>());
    }

    [Fact]
    public void AddPassBrokerStorage_TableEndpoint_ConnectsByManagedIdentityToThatAccount()
    {
        using var host = Build(new()
        {
            ["Storage:ConnectionString"] = "https://passbroker.table.core.windows.net/",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
            ["Storage:DataKeys:Current"] = "dev1",
            ["Storage:DataKeys:Keys:dev1"] = ValidKey,
        });

        var client = host.Services.GetRequiredService<TableServiceClient>();

        // No key anywhere: the account name comes from the endpoint, the token from DefaultAzureCredential on use.
        Assert.Equal("passbroker", client.AccountName);
        Assert.Equal(new Uri("https://passbroker.table.core.windows.net/"), client.Uri);
    }

    [Fact]
    public void AddPassBrokerStorage_Always_ReturnsTheBuilder()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        Assert.Same(builder, builder.AddPassBrokerStorage());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddPassBrokerStorage();
        return builder.Build();
    }
}
