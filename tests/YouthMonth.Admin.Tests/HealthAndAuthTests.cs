using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

public sealed class HealthAndAuthTests(AdminApp app) : IClassFixture<AdminApp>
{
    [Fact]
    public async Task Health_endpoints_answer_without_a_key_and_ready_checks_the_database()
    {
        var client = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outside_development_the_entity_framework_and_npgsql_logs_are_at_warning()
    {
        // The host's own filter rules decide; an enable-everything provider shows what they let through.
        var rules = app.Services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>();
        using var factory = new LoggerFactory([new AllLevels()], rules);
        Assert.False(factory.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Information));
        Assert.False(factory.CreateLogger("Npgsql.Command").IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Warning));
        Assert.True(factory.CreateLogger("YouthMonth.Admin.Apis").IsEnabled(LogLevel.Information));

        // An explicit level still wins.
        await using var verbose = app.WithWebHostBuilder(b => b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information"));
        using var verboseFactory = new LoggerFactory([new AllLevels()], verbose.Services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>());
        Assert.True(verboseFactory.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Information));
    }

    private sealed class AllLevels : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) { }
    }

    [Fact]
    public async Task A_wrong_key_gets_401_problem_details()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "ym_not-a-real-key");
        var response = await client.GetAsync("/api/anything");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
