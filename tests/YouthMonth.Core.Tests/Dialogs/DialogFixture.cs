namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>One migrated database with the test plan per test class.</summary>
public sealed class DialogFixture : IAsyncLifetime
{
    public DialogHarness Harness { get; private set; } = null!;
    public async Task InitializeAsync() => Harness = await DialogHarness.CreateAsync();
    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
