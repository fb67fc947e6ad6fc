"""The knowledge base: original content as data, under a typed schema."""

from infraprep.knowledge.loader import KnowledgeBase, load_knowledge, parse_items, read_knowledge

__all__ = ["KnowledgeBase", "load_knowledge", "parse_items", "read_knowledge"]
