using System.Collections;

namespace PassBroker.Integration.Tests.Observability;

/// <summary>
/// What an in-memory exporter adds to, safe to read while it adds. Spans are exported on the thread that ends them, and
/// the sign-in shards end theirs in the background while a test reads, so a plain list threw "Collection was modified"
/// under CI's load. Enumerating takes a copy made under the lock.
/// </summary>
/// <typeparam name="T">The exported item: a span or a metric.</typeparam>
internal sealed class ExportedItems<T> : ICollection<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item)
    {
        lock (_gate)
        {
            return _items.Contains(item);
        }
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (_gate)
        {
            _items.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(T item)
    {
        lock (_gate)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        lock (_gate)
        {
            return _items.ToList().GetEnumerator();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
