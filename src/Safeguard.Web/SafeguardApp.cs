using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Screening;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Api;
using Safeguard.Web.Features.ChronologyReview;
using Safeguard.Web.Features.Concerns;
using Safeguard.Web.Features.Exploitation;
using Safeguard.Web.Features.Intelligence;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Matching;
using Safeguard.Web.Features.Screening;
using Safeguard.Web.Ledger;
using Safeguard.Web.Notifications;

namespace Safeguard.Web;

/// <summary>
/// The composition root, shared by `./safeguard serve`, the other verbs that need the database, and the tests
/// (which start the same application on a real Kestrel server).
/// </summary>
public static class SafeguardApp
{
    /// <param name="settings">Configuration that overrides every other source (command-line flags, tests). It is
    /// applied before the services are added, because the database provider is chosen from it.</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, IDictionary<string, string?>? settings = null)
    {
        // Content comes from the build output (appsettings, the static web assets manifest), not the directory the
        // command was run from: `./safeguard` may be run from anywhere.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Named, not left to the entry assembly: under a test host the pages and static assets must still be
            // found in this assembly.
            ApplicationName = typeof(SafeguardApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseStaticWebAssets();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        // Requests naming any other host are refused (400) before they reach the application, so that no redirect or
        // link is ever built from a Host header an attacker chose. Production must name its hosts (`serve` refuses to
        // start without them); the demo is served on this machine's loopback address.
        if (IsDemo(builder.Configuration) && string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            builder.Configuration.AddInMemoryCollection([new("AllowedHosts", DemoAllowedHosts)]);
        }
        builder.AddSafeguardRequestLimits();
        AddServices(builder);
        return builder;
    }

    public static string DataDirectory(IConfiguration configuration)
    {
        var configured = configuration["Safeguard:DataDirectory"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        var home = Environment.GetEnvironmentVariable("SAFEGUARD_HOME");
        return Path.GetFullPath(Path.Combine(string.IsNullOrWhiteSpace(home) ? Directory.GetCurrentDirectory() : home, "data"));
    }

    /// <summary>
    /// Route values win over anything posted or queried with the same name, for every page and handler: by default the
    /// form is asked first, so a field named "id" in a post to one child's page acted on another child (issue 10).
    /// Names the route does not have are still bound from the form and the query string.
    /// </summary>
    public static void RouteValuesFirst(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var route = options.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.RouteValueProviderFactory>().Single();
        options.ValueProviderFactories.Remove(route);
        options.ValueProviderFactories.Insert(0, route);
    }

    public static bool IsDemo(IConfiguration configuration) => configuration.GetValue<bool>("Demo:Enabled");

    public const string DemoAllowedHosts = "localhost;127.0.0.1;[::1]";

    /// <summary>
    /// Why the configuration is not fit to serve outside the demo, or null: AllowedHosts must list the host names
    /// Safeguard is reached by. Unset, ASP.NET Core allows every host.
    /// </summary>
    public static string? AllowedHostsProblem(IConfiguration configuration)
    {
        var hosts = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hosts.Length == 0 || hosts.Contains("*")
            ? "AllowedHosts must name the hosts Safeguard is served at (for example AllowedHosts=safeguard.example.org), so that requests naming another host are refused."
            : null;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Not a snapshot of the user: the DbContext asks it who is acting each time it writes (see CurrentActor).
        services.AddScoped<CurrentActor>();
        services.AddSafeguardDatabase(configuration, DataDirectory(configuration));

        // Keys in the database: every instance behind a load balancer reads the same cookies and tokens. In
        // production the keys are encrypted at rest with a certificate (DataProtection:CertificatePath/Password).
        var dataProtection = services.AddDataProtection().SetApplicationName("Safeguard");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DataProtectionKeyStore(scopes));
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(
                System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                // No hard lockout: it lets anyone lock a named colleague out. The sign-in pages back off instead
                // (docs/adr/0013), and never ask Identity to count failures.
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider: one step either side of now, each code once.
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<SafeguardClaimsFactory>();
        // Every request checks the session against the database (stamp and active), not every few minutes.
        services.AddScoped<ISecurityStampValidator, EveryRequestSessionCheck>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.Cookie.Name = "safeguard-session";
            // The JSON API answers 401 to a request without a session: a redirect to a sign-in page helps no script.
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    // Relative: the absolute address the framework builds takes its host from the request.
                    context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
                }
                return Task.CompletedTask;
            };
            // A page the user's role may not use answers 403 (shown by the error page), not a redirect; a user who has
            // given only a password is sent to set up their second factor, the one page open to them.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (!context.HttpContext.User.HasClaim("amr", Policies.MultiFactor) && HttpMethods.IsGet(context.Request.Method))
                {
                    context.Response.Redirect("/account/set-up-authenticator");
                    return Task.CompletedTask;
                }
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Every cookie Safeguard sets, whoever sets it: Secure, HttpOnly, SameSite. The one exception is the demo,
        // served over plain HTTP on this machine's loopback address by `./build.sh run` (see docs/adr/0004).
        CookieSecurePolicy SecurePolicy() => IsDemo(configuration) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.PostConfigureAll<CookieAuthenticationOptions>(options =>
        {
            options.Cookie.SecurePolicy = SecurePolicy();
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "safeguard-antiforgery";
            options.Cookie.SecurePolicy = SecurePolicy();
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = "RequestVerificationToken";
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "safeguard-tempdata";
            options.Cookie.SecurePolicy = SecurePolicy();
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        AddOpenIdConnectIfConfigured(services, configuration);

        services.AddAuthorization(Policies.Add);
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AllowAnonymousToFolder("/Account/Public");
            options.Conventions.AllowAnonymousToPage("/Error");
        }).AddMvcOptions(options =>
        {
            options.Filters.Add<MergedRecordRedirect>();
            RouteValuesFirst(options);
        });

        services.AddScoped<ChildAccessService>();
        services.AddScoped<Features.Account.SignInAttempts>();
        // The phrase bank is read and validated here, as the services are built: a bad bank stops start-up.
        services.AddSingleton(LanguageBank.Load(configuration));
        services.AddScoped<LanguageReview>();
        services.AddSingleton(DefaultHiddenExploitationRules.Instance);
        services.AddScoped<HiddenExploitationReader>();
        services.AddScoped<ScreeningInstruments>();
        services.AddCasework(configuration);
        services.AddSingleton(Features.Reviews.BreakGlassReviewerSettings.From(configuration));
        services.AddScoped<Features.Reviews.BreakGlassReviewing>();
        services.AddScoped<Notifier>();
        services.AddScoped<ConcernMatcher>();
        services.AddScoped<ConcernIntake>();
        services.AddScoped<Features.Missing.MissingWork>();
        services.AddSingleton<ChromiumPdf>();
        services.AddScoped<Features.Shared.PartialRenderer>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<CaseworkMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseworkMonitor>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, PartnerTokenAuthentication>(PartnerTokenAuthentication.SchemeName, null);
        services.AddOpenApi(PartnerApiEndpoints.ConfigureOpenApi);
        services.AddSafeguardRateLimits(configuration);
        // A partner system that meets a failure gets a reference (traceId) that is also logged.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = problem =>
        {
            if (problem.ProblemDetails.Status >= 500)
            {
                problem.ProblemDetails.Extensions["traceId"] = SupportReference.Log(problem.HttpContext, problem.ProblemDetails.Status.Value);
            }
        });
        services.AddIntelligence(configuration);
        services.AddSingleton<MatchModels>();
        services.AddScoped<PersonMatching>();
        services.AddSingleton<LedgerWitness>();
        services.AddSingleton<WitnessWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<WitnessWriter>());
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
    }

    /// <summary>
    /// OpenID Connect sign-in (a partnership's own identity provider) is switched on by configuration alone:
    /// Authentication:Oidc:Authority, ClientId and ClientSecret. Users are matched to existing accounts by email;
    /// accounts are never created by sign-in, because agency membership and roles are the partnership's decision.
    /// </summary>
    private static void AddOpenIdConnectIfConfigured(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication:Oidc");
        if (string.IsNullOrWhiteSpace(section["Authority"]))
        {
            return;
        }
        services.AddAuthentication().AddOpenIdConnect(ExternalSignIn.Scheme, section["DisplayName"] ?? "your organisation's account", options =>
        {
            options.Authority = section["Authority"];
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = "code";
            // The code comes back in the query string: it is single-use and useless without the PKCE verifier,
            // and form_post would need a script on the provider's page that the CSP here does not govern.
            options.ResponseMode = "query";
            options.UsePkce = true;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.CallbackPath = "/account/oidc-callback";
            options.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.Scope.Add("email");
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = true;
        });
    }

    public static WebApplication BuildPipeline(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        if (app.Configuration.GetValue<bool>("Safeguard:BehindProxy"))
        {
            app.UseForwardedHeaders();
        }
        // People get the error pages; partner systems calling the JSON API get RFC 7807 problem details.
        app.UseWhen(context => !PartnerApiEndpoints.IsApi(context.Request.Path), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = RequestLimits.StatusFor });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseWhen(context => PartnerApiEndpoints.IsApi(context.Request.Path), api => api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = RequestLimits.StatusFor }));
        // HSTS outside the demo (which is served over plain HTTP on loopback; see docs/adr/0004).
        app.UseSafeguardSecurityHeaders(strictTransportSecurity: !IsDemo(app.Configuration));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseSafeguardRequestLimits();
        app.UseAuthentication();
        // Limits run before authorization: a guessed partner token must be counted (and refused with 429), not only
        // refused with 401.
        app.UsePartnerTokenForRateLimits();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapRazorPages();
        LanguageCheckEndpoint.Map(app);
        app.MapOpenApi().AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        PartnerApiEndpoints.Map(app);
        return app;
    }
}
