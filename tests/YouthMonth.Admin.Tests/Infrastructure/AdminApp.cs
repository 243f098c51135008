using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using YouthMonth.Admin.Auth;
using YouthMonth.Core.Access;
using YouthMonth.Core.Persistence;
using YouthMonth.Testing;

namespace YouthMonth.Admin.Tests.Infrastructure;

/// <summary>
/// The real Admin host on its own fresh PostgreSQL database, with a controllable clock.
/// Use as an xunit class fixture; <see cref="ResetAsync"/> gives a test an empty plan again.
/// </summary>
public sealed class AdminApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public TestClock Clock { get; } = new(new DateTimeOffset(2024, 3, 4, 2, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:YouthMonth", Database.ConnectionString);
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A client that sends a fresh key of the given role.</summary>
    public async Task<HttpClient> ClientAsync(ApiRole role = ApiRole.Admin)
    {
        var client = CreateClient();
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync($"test-{role}", role);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, created.Secret);
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient();

    public YouthMonthDb Db() => Database.CreateDbContext();

    /// <summary>Deletes every plan and report row, keeping the schema and the API keys.</summary>
    public async Task ResetAsync() =>
        await Database.ExecAsync("""
            TRUNCATE organisations, photos, chat_accounts, chat_binding_audit, inbox, outbox RESTART IDENTITY CASCADE
            """);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
