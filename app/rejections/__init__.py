"""rejections domain."""
