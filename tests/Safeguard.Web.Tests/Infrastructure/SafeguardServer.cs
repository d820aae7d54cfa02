using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Web.Data;
using Safeguard.Web.Demo;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a real Kestrel server over HTTPS on loopback, with its own database, the demo
/// partnership seeded, and a fake clock the tests can move. Cookies are Secure as in production.
/// </summary>
public sealed class SafeguardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestDatabase _database;
    private readonly string _dataDirectory;

    private SafeguardServer(WebApplication app, TestDatabase database, FakeTimeProvider clock, string baseUrl, string dataDirectory, CapturedLogs logs)
    {
        Logs = logs;
        _app = app;
        _database = database;
        Clock = clock;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Every log line the application wrote, at every level, for tests that check what logs contain.</summary>
    public CapturedLogs Logs { get; }
    public string BaseUrl { get; }
    public IServiceProvider Services => _app.Services;
    public DatabaseProvider Provider => _database.Provider;
    public string DataDirectory => _dataDirectory;
    public string ConnectionString => _database.ConnectionString;

    /// <param name="observe">Adds services that watch the application's own (a wrapper that counts calls to a real
    /// service): never a stand-in for what a test is proving.</param>
    /// <param name="productionRateLimits">Keep the rate limits at their defaults. Otherwise they are raised out of
    /// reach: a test class signs in dozens of times from one address within seconds, as no person does
    /// (Security/RateLimitTests holds each limit at its default).</param>
    public static async Task<SafeguardServer> StartAsync(DatabaseProvider provider = DatabaseProvider.Postgres, bool seed = true, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? observe = null, bool productionRateLimits = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "safeguard-tests", "data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var configuration = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Safeguard"] = database.ConnectionString,
            ["Safeguard:DataDirectory"] = dataDirectory,
            ["Ledger:CheckpointInterval"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            // As production must: requests naming any other host are refused.
            ["AllowedHosts"] = "localhost;127.0.0.1",
        };
        if (!productionRateLimits)
        {
            foreach (var limit in Auth.RateLimits.All)
            {
                configuration[$"RateLimits:{limit}:PermitLimit"] = "1000000";
            }
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        var builder = SafeguardApp.CreateBuilder([], configuration);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton<TimeProvider>(clock);
        observe?.Invoke(builder.Services);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        var certificate = SelfSignedCertificate();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = SafeguardApp.BuildPipeline(builder);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await db.Database.MigrateAsync();
            if (seed)
            {
                await DemoPartnership.SeedAsync(scope.ServiceProvider);
            }
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SafeguardServer(app, database, clock, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal), dataDirectory, logs);
    }

    /// <summary>A scope with its own DbContext acting as the system, for arranging and checking data.</summary>
    public AsyncServiceScope Scope() => _app.Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
