using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>
/// The Functions app's functions as compiled: every <c>[Function]</c> method of its assembly with its trigger attribute,
/// read by reflection, as the worker's metadata generator reads them (never from source text).
/// </summary>
internal static class CompiledFunctions
{
    public static IReadOnlyList<CompiledFunction> All { get; } = typeof(FunctionsApp).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
        .Select(method => new CompiledFunction(method.GetCustomAttribute<FunctionAttribute>()!.Name, method))
        .ToList();

    public static IEnumerable<CompiledFunction> Http => All.Where(f => f.HttpTrigger is not null);

    public static IEnumerable<CompiledFunction> WithTrigger<TTrigger>() where TTrigger : Attribute =>
        All.Where(f => f.Trigger<TTrigger>() is not null);
}

/// <summary>One compiled function: its name and method.</summary>
internal sealed record CompiledFunction(string Name, MethodInfo Method)
{
    public HttpTriggerAttribute? HttpTrigger => Trigger<HttpTriggerAttribute>();

    /// <summary>The trigger's methods, upper case as HTTP spells them.</summary>
    public IEnumerable<string> HttpMethods => HttpTrigger?.Methods?.Select(m => m.ToUpperInvariant()) ?? [];

    public TTrigger? Trigger<TTrigger>() where TTrigger : Attribute =>
        Method.GetParameters().Select(p => p.GetCustomAttribute<TTrigger>()).FirstOrDefault(a => a is not null);

    public override string ToString() => $"{Name} ({Method.DeclaringType?.Name}.{Method.Name})";
}
