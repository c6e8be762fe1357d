namespace Restaurant.Domain;

/// <summary>One broken rule of an input, under the path of the field it concerns (such as <c>items[3].price</c>).</summary>
public sealed record FieldProblem(string Field, string Message);
