using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguard.Core;

namespace Safeguard.Web.Data;

/// <summary>Stores every <see cref="Id{T}"/> as its GUID, found by scanning the model's entity classes.</summary>
public static class TypedIdConventions
{
    private static readonly MethodInfo s_configure = typeof(TypedIdConventions).GetMethod(nameof(Configure), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void Apply(ModelConfigurationBuilder builder, Assembly modelAssembly)
    {
        var tags = modelAssembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Id<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct();
        foreach (var tag in tags)
        {
            s_configure.MakeGenericMethod(tag).Invoke(null, [builder]);
        }
    }

    private static void Configure<T>(ModelConfigurationBuilder builder) =>
        builder.Properties<Id<T>>().HaveConversion<IdConverter<T>>();

    private sealed class IdConverter<T>() : ValueConverter<Id<T>, Guid>(id => id.Value, value => new Id<T>(value));
}
