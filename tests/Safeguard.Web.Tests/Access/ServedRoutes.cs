using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Safeguard.Web.Tests.Access;

/// <summary>One (method, route, handler) the application serves, keyed as <see cref="RouteAccessTable.Rows"/> is.</summary>
/// <param name="HandlerParameters">The handler method's own parameters (bound from the route, the query or the form).</param>
public sealed record ServedRoute(string Key, string Route, string Method, string? Handler, bool AllowsAnonymous, IReadOnlyList<string> HandlerParameters);

/// <summary>Every route the application serves, read from its endpoints: the route table and the access sweep both start here.</summary>
public static class ServedRoutes
{
    public static List<ServedRoute> Of(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<ServedRoute>();
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var page = endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>();
            var handlers = page?.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name, Parameters: (IReadOnlyList<string>)[.. h.Parameters.Select(p => p.Name)])).ToList() ?? [];
            if (page is null && endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods)
            {
                // Minimal API endpoints (the partner API, the OpenAPI document): one row per method.
                route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                handlers.AddRange(methods.HttpMethods.Select(m => (m.ToUpperInvariant(), (string?)null, (IReadOnlyList<string>)[])));
            }
            if (handlers.Count == 0)
            {
                handlers.Add(("GET", null, []));
            }
            foreach (var (method, name, parameters) in handlers.DistinctBy(h => (h.Method, h.Name)))
            {
                routes.Add(new ServedRoute($"{method} {route}{(name is null ? "" : $"?handler={name}")}", route, method, name, anonymous, parameters));
            }
        }
        return routes;
    }
}
