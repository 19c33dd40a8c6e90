using Azure.Data.Tables;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Storage.Sessions;
using PassBroker.Storage.Tables;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Storage.Tests.Sessions;

[Collection(AzuriteCollection.Name)]
public sealed class TableSessionStoreTests(AzuriteFixture azurite) : AzuriteStoreTests(azurite)
{
    private ISessionStore Store => Storage.Sessions;

    [Fact]
    public async Task FindAsync_AfterAdd_ReturnsEveryField()
    {
        var session = TestData.EndedSession(TestData.NewDeviceKey(), "ABC1234");

        var added = await Store.AddAsync(session, default);
        var found = await Store.FindAsync(session.DeviceKey, session.Code, default);

        Assert.False(string.IsNullOrEmpty(added.ETag));
        Expect.SameSession(session with { ETag = added.ETag }, found);
    }

    [Fact]
    public async Task StartPendingAsync_AfterAPendingOne_EndsItInTheSameWrite()
    {
        var deviceKey = TestData.NewDeviceKey();
        var first = (await Store.StartPendingAsync(TestData.Session(deviceKey, "FIRST11"), Replace, default)).Session;

        var second = await Store.StartPendingAsync(TestData.Session(deviceKey, "SECOND2"), Replace, default);

        var replaced = Assert.Single(second.Replaced);
        Assert.Equal((first.Code, SessionStatus.Expired), (replaced.Code, replaced.Status));
        Assert.Equal(replaced, await Store.FindAsync(deviceKey, first.Code, default));
        Assert.Equal(["SECOND2"], await Store.ListPendingAsync(deviceKey, default).Select(s => s.Code).ToListAsync());
    }

    [Fact]
    public async Task StartPendingAsync_RacingAnotherStart_OneCommitsAndTheOtherWritesNothing()
    {
        var deviceKey = TestData.NewDeviceKey();
        await Store.StartPendingAsync(TestData.Session(deviceKey, "OLDER11"), Replace, default);
        for (var round = 0; round < 10; round++)
        {
            var codes = new[] { $"A{round}", $"B{round}" };
            var results = await Task.WhenAll(codes.Select(async code =>
            {
                try
                {
                    return (await Store.StartPendingAsync(TestData.Session(deviceKey, code), Replace, default)).Session.Code;
                }
                catch (ConcurrencyConflictException)
                {
                    return null;
                }
            }));

            var pending = await Store.ListPendingAsync(deviceKey, default).Select(s => s.Code).ToListAsync();
            Assert.Single(pending);
            Assert.Contains(pending[0], results);
            foreach (var lost in codes.Where(c => !results.Contains(c)))
            {
                Assert.Null(await Store.FindAsync(deviceKey, lost, default)); // the loser wrote nothing
            }
        }
    }

    private static AuthenticationSession Replace(AuthenticationSession pending) =>
        pending.End(SessionStatus.Expired, TestData.Instant, SessionEndReasons.Replaced);

    [Fact]
    public async Task FindAsync_SessionWithOnlyRequiredFields_ReturnsNullsForTheRest()
    {
        var session = TestData.Session(TestData.NewDeviceKey(), "ABC1234") with { Client = new("192.0.2.1", null) };

        var added = await Store.AddAsync(session, default);

        Assert.Equal(added, await Store.FindAsync(session.DeviceKey, session.Code, default));
    }

    [Fact]
    public async Task AddAsync_Always_StoresStatusByName()
    {
        var session = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234", SessionStatus.Expired), default);

        var raw = await Storage.RawTable(StorageTables.Sessions).GetEntityAsync<TableEntity>(session.DeviceKey, session.Code);

        Assert.Equal("Expired", raw.Value.GetString("Status"));
    }

    [Fact]
    public async Task FindAsync_CodeOfAnotherDevice_ReturnsNull()
    {
        var session = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);

        Assert.Null(await Store.FindAsync(TestData.NewDeviceKey(), session.Code, default));
    }

    [Fact]
    public async Task FindByCodeAsync_AfterAdd_FindsTheSessionOfItsDevice()
    {
        var session = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);

        Assert.Equal(session, await Store.FindByCodeAsync(session.Code, default));
    }

    [Fact]
    public async Task AddAsync_WritesTheCodeRowUnderANonEmptyRowKey()
    {
        var session = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);

        // Azure Cosmos DB for Table (the multi-region store) refuses an empty RowKey.
        var row = Assert.Single(await Storage.RawTable(StorageTables.SessionCodes).QueryAsync<TableEntity>($"PartitionKey eq '{session.Code}'").ToListAsync());
        Assert.Equal(SessionCodeEntity.Row, row.RowKey);
        Assert.NotEmpty(row.RowKey);
    }

    [Fact]
    public async Task FindByCodeAsync_CodeRowWrittenWithTheEarlierEmptyRowKey_StillFindsTheSession()
    {
        var session = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "OLD1234"), default);
        var codes = Storage.RawTable(StorageTables.SessionCodes);
        await codes.DeleteEntityAsync(session.Code, SessionCodeEntity.Row);
        await codes.AddEntityAsync(new TableEntity(session.Code, SessionCodeEntity.LegacyRow) { ["DeviceKey"] = session.DeviceKey });

        Assert.Equal(session, await Store.FindByCodeAsync(session.Code, default));
    }

    [Fact]
    public async Task FindByCodeAsync_UnknownCode_ReturnsNull()
    {
        await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);

        Assert.Null(await Store.FindByCodeAsync("ZZZ9999", default));
    }

    [Fact]
    public async Task FindByCodeAsync_CodeReissuedToAnotherDevice_FindsTheNewerSession()
    {
        await Store.AddAsync(TestData.EndedSession(TestData.NewDeviceKey(), "ABC1234"), default);
        var newer = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);

        Assert.Equal(newer, await Store.FindByCodeAsync("ABC1234", default));
    }

    [Theory]
    [MemberData(nameof(AwkwardCodes))]
    public async Task FindByCodeAsync_AwkwardCode_FindsTheSessionStoredUnderIt(string code)
    {
        var session = await Store.AddAsync(TestData.EndedSession(TestData.NewDeviceKey(), code), default);

        Expect.SameSession(session, await Store.FindByCodeAsync(code, default));
    }

    public static TheoryData<string> AwkwardCodes() => new()
    {
        "a/b", "a\\b", "a#b", "a?b", "100%", "%41", "%2F", "tab\there", "\u0000nul", "bell\u0007", "\u007F\u0085\u009F",
        "日本語", "emoji 😀", "lone \uD800 surrogate", "'quoted' and \"double\"", "space + plus & amp = eq; semi", "..",
        new string('x', TableKeys.MaxLength), new string('/', 170) + "ab",
    };

    [Theory]
    [MemberData(nameof(AwkwardCodes))]
    public async Task FindAsync_AwkwardCode_FindsTheSessionStoredUnderIt(string code)
    {
        var deviceKey = TestData.NewDeviceKey();
        var session = await Store.AddAsync(TestData.EndedSession(deviceKey, code), default);

        Expect.SameSession(session, await Store.FindAsync(deviceKey, code, default));
    }

    [Fact]
    public async Task AddAsync_CodesThatOnlyDifferByEscaping_StayDistinct()
    {
        var deviceKey = TestData.NewDeviceKey();
        string[] codes = ["/", "%2F", "%252F", "%", "%25"];
        foreach (var code in codes)
        {
            await Store.AddAsync(TestData.Session(deviceKey, code) with { Mvpd = code }, default);
        }

        foreach (var code in codes)
        {
            Assert.Equal(code, (await Store.FindAsync(deviceKey, code, default))?.Mvpd);
        }
    }

    [Theory]
    [InlineData('x', TableKeys.MaxLength + 1)]
    [InlineData('#', 171)]
    public async Task AddAsync_CodeLongerThan1KiBOnceEscaped_ThrowsArgumentException(char c, int count)
    {
        var code = new string(c, count);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), code), default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindAsync(TestData.NewDeviceKey(), code, default));
    }

    [Fact]
    public async Task AddAsync_ExistingCode_ThrowsConflictAndKeepsTheFirst()
    {
        var first = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.AddAsync(TestData.EndedSession(first.DeviceKey, first.Code), default));

        Assert.Equal(first, await Store.FindAsync(first.DeviceKey, first.Code, default));
    }

    [Fact]
    public async Task AddAsync_SameCodeForAnotherDevice_IsAnotherSession()
    {
        var first = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);

        var second = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), first.Code), default);

        Assert.Equal(second, await Store.FindAsync(second.DeviceKey, second.Code, default));
    }

    [Fact]
    public async Task UpdateAsync_CurrentETag_ReplacesAndReturnsTheNewETag()
    {
        var added = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);
        var ended = TestData.EndedSession(added.DeviceKey, added.Code) with { ETag = added.ETag };

        var updated = await Store.UpdateAsync(ended, default);

        Assert.NotEqual(added.ETag, updated.ETag);
        Expect.SameSession(updated, await Store.FindAsync(added.DeviceKey, added.Code, default));
    }

    [Fact]
    public async Task UpdateAsync_StaleCopy_ThrowsConflictAndChangesNothing()
    {
        var stale = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);
        var current = await Store.UpdateAsync(stale.End(SessionStatus.Expired, TestData.Instant, SessionEndReasons.CodeExpired), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.UpdateAsync(stale.End(SessionStatus.Failed, TestData.Instant, SessionEndReasons.UpstreamRejected), default));

        Assert.Equal(current, await Store.FindAsync(stale.DeviceKey, stale.Code, default));
    }

    [Fact]
    public async Task UpdateAsync_TwoConcurrentUpdatesOfOneCopy_ExactlyOneWinsIntact()
    {
        var read = await Store.AddAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default);
        AuthenticationSession[] candidates =
        [
            TestData.EndedSession(read.DeviceKey, read.Code) with { ETag = read.ETag },
            read.End(SessionStatus.Expired, TestData.Instant.AddMinutes(30), SessionEndReasons.CodeExpired),
        ];

        var outcomes = await Task.WhenAll(candidates.Select(async c =>
        {
            try
            {
                return await Store.UpdateAsync(c, default);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null)!;
        Assert.Single(outcomes, o => o is null);
        var source = Assert.Single(candidates, c => c.Status == winner.Status);
        Expect.SameSession(source with { ETag = winner.ETag }, winner);
        Expect.SameSession(winner, await Store.FindAsync(read.DeviceKey, read.Code, default));
    }

    [Fact]
    public async Task UpdateAsync_WithoutETag_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Store.UpdateAsync(TestData.Session(TestData.NewDeviceKey(), "ABC1234"), default));
    }

    [Fact]
    public async Task ListPendingAsync_OneDevice_ReturnsOnlyThatDevicesPendingSessions()
    {
        var (device, other) = (TestData.NewDeviceKey() + "/x", TestData.NewDeviceKey());
        await Store.AddAsync(TestData.Session(device, "P1"), default);
        await Store.AddAsync(TestData.Session(device, "P/2"), default);
        await Store.AddAsync(TestData.EndedSession(device, "DONE"), default);
        await Store.AddAsync(TestData.Session(device, "EXP", SessionStatus.Expired), default);
        await Store.AddAsync(TestData.Session(other, "P3"), default);

        var pending = await Store.ListPendingAsync(device, default).ToListAsync();

        Assert.Equal(["P/2", "P1"], pending.Select(s => s.Code).Order(StringComparer.Ordinal));
        Assert.All(pending, s => Assert.Equal(device, s.DeviceKey));
        Assert.All(pending, s => Assert.False(string.IsNullOrEmpty(s.ETag)));
    }

    [Fact]
    public async Task ListPendingAsync_AllDevices_ReturnsEveryDevicesPendingSessions()
    {
        var (first, second, third) = (TestData.NewDeviceKey(), TestData.NewDeviceKey(), TestData.NewDeviceKey());
        await Store.AddAsync(TestData.Session(first, "P1"), default);
        await Store.AddAsync(TestData.Session(second, "P2"), default);
        await Store.AddAsync(TestData.Session(second, "F", SessionStatus.Failed), default);
        await Store.AddAsync(TestData.EndedSession(third, "A"), default);

        var pending = await Store.ListPendingAsync(null, default).ToListAsync();

        (string, string)[] expected = [(first, "P1"), (second, "P2")];
        Assert.Equal(expected.Order(), pending.Select(s => (s.DeviceKey, s.Code)).Order());
    }

    [Fact]
    public async Task ListPendingAsync_NothingStoredYet_ReturnsNothing()
    {
        Assert.Empty(await Store.ListPendingAsync(null, default).ToListAsync());
    }
}
