"""Inside the network (View ▸ Inside): every layer's values for the drawing, live, and the first layer's weights."""
