"""The map of participants and opinion groups, drawn on the server as SVG from the stored analysis.

Each group has its own colour and its own shape (circle, square, triangle, diamond, cross), so the map does not
rest on colour alone; the table beside it says the same in words and numbers (the accessible equivalent). The
points are the analysis' sample (at most analysis.MAP_POINTS), so the map weighs the same for 100 or 100,000 people.
"""

WIDTH, HEIGHT, MARGIN = 480, 320, 24
SIZE = 3.2  # half the width of a point


def _place(x, y):
    return (
        round(WIDTH / 2 + x * (WIDTH / 2 - MARGIN), 1),
        round(HEIGHT / 2 - y * (HEIGHT / 2 - MARGIN), 1),
    )


def _shape(group, x, y, size=SIZE):
    """An SVG path of the group's shape centred on (x, y)."""
    s = size
    kind = group % 5
    if kind == 0:  # circle, as two arcs
        return f"M{x - s},{y}a{s},{s} 0 1,0 {2 * s},0a{s},{s} 0 1,0 {-2 * s},0Z"
    if kind == 1:  # square
        return f"M{x - s},{y - s}h{2 * s}v{2 * s}h{-2 * s}Z"
    if kind == 2:  # triangle
        return f"M{x},{y - s * 1.2}L{x + s * 1.2},{y + s}L{x - s * 1.2},{y + s}Z"
    if kind == 3:  # diamond
        return f"M{x},{y - s * 1.3}L{x + s * 1.3},{y}L{x},{y + s * 1.3}L{x - s * 1.3},{y}Z"
    return f"M{x - s},{y - s}L{x + s},{y + s}M{x + s},{y - s}L{x - s},{y + s}"  # cross


def group_map(view):
    """{width, height, groups: [{label, index, path, label_x, label_y}]} for the template: one path per group holding
    all its points (a few elements, whatever the number of people), and where its letter goes."""
    result = view["result"]
    paths = {index: [] for index in range(len(view["groups"]))}
    for x, y, group in result.get("points", []):
        if group in paths:
            paths[group].append(_shape(group, *_place(x, y)))
    groups = []
    for index, group in enumerate(view["groups"]):
        label_x, label_y = _place(*group["centre"])
        groups.append(
            {
                "label": group["label"],
                "index": index % 5,
                "size": group["size"],
                "path": "".join(paths[index]),
                "label_x": min(max(label_x, MARGIN), WIDTH - MARGIN),
                "label_y": min(max(label_y - 10, MARGIN), HEIGHT - MARGIN / 2),
            }
        )
    return {"width": WIDTH, "height": HEIGHT, "groups": groups}
