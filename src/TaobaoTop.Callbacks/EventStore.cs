using Microsoft.Data.Sqlite;

namespace TaobaoTop.Callbacks;

/// <summary>
/// The events in one SQLite file in WAL mode: an event is committed before WeCom gets its answer, so a killed process
/// keeps every answered event; the event key makes WeCom's retries one row.
/// </summary>
public sealed class EventStore : IDisposable
{
    private readonly object _lock = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;

    public EventStore(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        // In WAL mode NORMAL survives a killed process (the WAL is in the file system); only a power cut may lose the last commits.
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS events (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              key TEXT NOT NULL UNIQUE,
              time INTEGER NOT NULL,
              change_type TEXT NOT NULL,
              corp_id TEXT NOT NULL,
              user_id TEXT NOT NULL,
              external_user_id TEXT NOT NULL,
              state TEXT, source TEXT, fail_reason TEXT,
              received_at INTEGER NOT NULL)
            """);
        _insert = _connection.CreateCommand();
        _insert.CommandText = """
            INSERT OR IGNORE INTO events (key, time, change_type, corp_id, user_id, external_user_id, state, source, fail_reason, received_at)
            VALUES ($key, $time, $change, $corp, $user, $external, $state, $source, $fail, $received)
            """;
        foreach (var name in new[] { "$key", "$time", "$change", "$corp", "$user", "$external", "$state", "$source", "$fail", "$received" }) _insert.Parameters.Add(new SqliteParameter(name, null));
    }

    /// <summary>Stores the event unless its key is already there; answers whether it was new.</summary>
    public bool Add(WeComContactEvent contactEvent, DateTimeOffset receivedAt)
    {
        lock (_lock)
        {
            object Db(string? text) => (object?)text ?? DBNull.Value;
            _insert.Parameters["$key"].Value = contactEvent.Key;
            _insert.Parameters["$time"].Value = contactEvent.Time.ToUnixTimeSeconds();
            _insert.Parameters["$change"].Value = contactEvent.ChangeType;
            _insert.Parameters["$corp"].Value = contactEvent.CorpId;
            _insert.Parameters["$user"].Value = contactEvent.UserId;
            _insert.Parameters["$external"].Value = contactEvent.ExternalUserId;
            _insert.Parameters["$state"].Value = Db(contactEvent.State);
            _insert.Parameters["$source"].Value = Db(contactEvent.Source);
            _insert.Parameters["$fail"].Value = Db(contactEvent.FailReason);
            _insert.Parameters["$received"].Value = receivedAt.ToUnixTimeMilliseconds();
            return _insert.ExecuteNonQuery() == 1;
        }
    }

    /// <summary>Events after sequence number <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<(long Seq, WeComContactEvent Event)> Read(long after, int limit)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT seq, time, change_type, corp_id, user_id, external_user_id, state, source, fail_reason, received_at FROM events WHERE seq > $after ORDER BY seq LIMIT $limit";
            command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var events = new List<(long, WeComContactEvent)>();
            string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
            var zone = TimeSpan.FromHours(8);
            while (reader.Read())
            {
                events.Add((reader.GetInt64(0), new WeComContactEvent
                {
                    Time = DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1)).ToOffset(zone),
                    ChangeType = reader.GetString(2),
                    CorpId = reader.GetString(3),
                    UserId = reader.GetString(4),
                    ExternalUserId = reader.GetString(5),
                    State = Text(6),
                    Source = Text(7),
                    FailReason = Text(8),
                    ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)).ToOffset(zone),
                }));
            }
            return events;
        }
    }

    public long Count()
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM events";
            return (long)command.ExecuteScalar()!;
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
