namespace PassBroker.Http.Binding;

/// <summary>
/// Marks a request body that carries resources (the decisions routes): resources may be MRSS documents, so such a body
/// is read up to <see cref="HttpOptions.MaxResourcesBodyBytes"/> instead of <see cref="HttpOptions.MaxRequestBodyBytes"/>.
/// The limit follows from the body's type, so no route can read a decision request with the smaller one by mistake.
/// </summary>
public interface IResourcesBody;
