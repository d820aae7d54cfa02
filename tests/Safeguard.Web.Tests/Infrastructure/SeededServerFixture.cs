namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>One seeded server on PostgreSQL shared by the tests of a class that only read, or write without interfering.</summary>
public sealed class SeededServerFixture : IAsyncLifetime
{
    public SafeguardServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SafeguardServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
