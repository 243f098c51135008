using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using YouthMonth.Core.Persistence;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Persistence;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Two_processes_migrating_an_empty_database_at_once_apply_each_script_once()
    {
        await using var db = await TestDatabase.CreateAsync(migrated: false);
        // Separate data sources: as two hosts starting side by side would have.
        await using var a = NpgsqlDataSource.Create(db.ConnectionString);
        await using var b = NpgsqlDataSource.Create(db.ConnectionString);
        var results = await Task.WhenAll(
            new SchemaMigrator(a, NullLogger<SchemaMigrator>.Instance).MigrateAsync(),
            new SchemaMigrator(b, NullLogger<SchemaMigrator>.Instance).MigrateAsync());

        Assert.Equal(SchemaMigrator.Scripts.Count, results[0].Count + results[1].Count);
        Assert.Equal(SchemaMigrator.Scripts.Count, (int)await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'reports'"));
        // The job engine's schema, created under the same lock: complete, one version row.
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire'") >= 12);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM hangfire.schema"));
    }

    [Fact]
    public async Task A_host_starting_before_the_database_is_reachable_waits_and_logs_instead_of_exiting()
    {
        await using var db = await TestDatabase.CreateAsync(migrated: false);
        var real = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        // Nothing listens on the port yet: every connection is refused, as when PostgreSQL is still starting.
        await using var late = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString)
        {
            Host = "127.0.0.1", Port = port, Timeout = 3,
        }.ConnectionString);
        var logger = new ListLogger();
        var migrating = new SchemaMigrator(late, logger).MigrateWhenReachableAsync(TimeSpan.FromMinutes(2));

        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(migrating.IsCompleted);
        using var cts = new CancellationTokenSource();
        var forwarder = ForwardAsync(port, real.Host!, real.Port, cts.Token);
        var applied = await migrating.WaitAsync(TimeSpan.FromSeconds(90));
        cts.Cancel();

        Assert.Equal(SchemaMigrator.Scripts.Count, applied.Count);
        Assert.Contains(logger.Lines, l => l.StartsWith("Warning Database not reachable at start (attempt 1", StringComparison.Ordinal));
        await forwarder;
    }

    [Fact]
    public async Task A_database_that_stays_unreachable_fails_the_start_after_the_wait()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var nowhere = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=x;Password=x;Database=x;Timeout=2");
        var e = await Assert.ThrowsAnyAsync<Exception>(() => new SchemaMigrator(nowhere, new ListLogger()).MigrateWhenReachableAsync(TimeSpan.FromSeconds(3)));
        Assert.True(Core.Messaging.Faults.IsTransient(e));
    }

    /// <summary>A TCP relay from a loopback port to PostgreSQL: the database "comes up" when this starts listening.</summary>
    private static async Task ForwardAsync(int port, string host, int targetPort, CancellationToken ct)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var pipes = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(ct);
                var server = new TcpClient();
                await server.ConnectAsync(host, targetPort, ct);
                var (a, b) = (client.GetStream(), server.GetStream());
                pipes.Add(Task.WhenAny(a.CopyToAsync(b, ct), b.CopyToAsync(a, ct)).ContinueWith(_ => { client.Dispose(); server.Dispose(); }, TaskScheduler.Default));
            }
        }
        catch (OperationCanceledException) { }
        finally { listener.Stop(); }
    }

    private sealed class ListLogger : ILogger<SchemaMigrator>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add($"{logLevel} {formatter(state, exception)}");
        }
    }

    [Fact]
    public async Task Migrating_again_applies_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var applied = await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        Assert.Empty(applied);
    }
}
