using System.Text;

namespace PassBroker.Storage.Encryption;

/// <summary>
/// Where a sealed value lives. It is bound into the ciphertext as associated data, so a value copied to another
/// table, row or column no longer opens. The logical table name is used, not the prefixed one, so changing
/// <see cref="StorageOptions.TablePrefix"/> does not lock the data away.
/// </summary>
internal readonly record struct SealingContext(string Table, string PartitionKey, string RowKey, string Property)
{
    // NUL separators keep the parts apart: escaped keys and property names never contain U+0000.
    public byte[] ToAssociatedData() =>
        Encoding.UTF8.GetBytes($"passbroker/v1\0{Table}\0{PartitionKey}\0{RowKey}\0{Property}");
}
