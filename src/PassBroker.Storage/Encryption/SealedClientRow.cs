using PassBroker.Core.Devices;

namespace PassBroker.Storage.Encryption;

/// <summary>
/// The columns of a row that holds a DCR client (a device's, or PassBroker's management client): the client id in
/// clear, its secret and access token sealed. One definition, so both rows seal alike and <see cref="DataKeyResealer"/>
/// moves both to a new key.
/// </summary>
internal interface ISealedClientRow
{
    string ClientId { get; set; }

    string ClientSecret { get; set; }

    string? AccessToken { get; set; }

    DateTimeOffset? AccessTokenExpiresAt { get; set; }
}

internal static class SealedClientRow
{
    /// <summary>The columns that hold sealed values.</summary>
    public static readonly string[] SealedColumns = [nameof(ISealedClientRow.ClientSecret), nameof(ISealedClientRow.AccessToken)];

    /// <param name="row">The row to fill.</param>
    /// <param name="credentials">The client.</param>
    /// <param name="token">Its access token, if it has one.</param>
    /// <param name="sealer">Seals under the current data key.</param>
    /// <param name="context">Where a sealed column of this row lives (its associated data), by column name.</param>
    /// <param name="cancellationToken">Cancels the data key's load.</param>
    public static async Task SealClientAsync(this ISealedClientRow row, ClientCredentials credentials, AccessToken? token,
        SecretSealer sealer, Func<string, SealingContext> context, CancellationToken cancellationToken)
    {
        row.ClientId = credentials.ClientId;
        row.ClientSecret = await sealer.SealAsync(credentials.ClientSecret, context(nameof(ISealedClientRow.ClientSecret)), cancellationToken);
        row.AccessToken = token is null ? null : await sealer.SealAsync(token.Value, context(nameof(ISealedClientRow.AccessToken)), cancellationToken);
        row.AccessTokenExpiresAt = token?.ExpiresAt;
    }

    /// <returns>The client and its access token (null when none is stored).</returns>
    /// <param name="row">The row as read.</param>
    /// <param name="sealer">Opens with the version each value names.</param>
    /// <param name="context">Where a sealed column of this row lives, by column name.</param>
    /// <param name="cancellationToken">Cancels the data key's load.</param>
    public static async Task<(ClientCredentials Credentials, AccessToken? Token)> OpenClientAsync(this ISealedClientRow row,
        SecretSealer sealer, Func<string, SealingContext> context, CancellationToken cancellationToken)
    {
        var credentials = new ClientCredentials(row.ClientId,
            await sealer.OpenAsync(row.ClientSecret, context(nameof(ISealedClientRow.ClientSecret)), cancellationToken));
        var token = row.AccessToken is null
            ? null
            : new AccessToken(await sealer.OpenAsync(row.AccessToken, context(nameof(ISealedClientRow.AccessToken)), cancellationToken),
                row.AccessTokenExpiresAt ?? default);
        return (credentials, token);
    }
}
